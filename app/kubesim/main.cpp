// gantry-kubesim: work in progress (issue 3).
#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return 1;
}
