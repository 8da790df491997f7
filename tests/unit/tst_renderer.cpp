// Skeleton rendering: Backstage's ${{ }} with {% if %}/{% raw %}, the plain {{ }} mustache form, and
// the safety rules — a value can never be evaluated again, and no rendered path may leave the
// new repository.
#include "models/scaffold/renderer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Gantry::Scaffold;

namespace {

QJsonObject valuesContext(const QJsonObject &values)
{
    return QJsonObject{{QStringLiteral("values"), values}};
}

QString render(const QString &text, const QJsonObject &values, QString *error = nullptr)
{
    QString out;
    QString e;
    if (!Renderer::renderText(text, valuesContext(values), &out, &e)) {
        if (error) {
            *error = e;
        }
        return QStringLiteral("<error>");
    }
    return out;
}

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

} // namespace

class TestRenderer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rendersBothForms()
    {
        const QJsonObject values{{QStringLiteral("name"), QStringLiteral("svc")},
                                 {QStringLiteral("list"), QJsonArray{QStringLiteral("a"), QStringLiteral("b")}},
                                 {QStringLiteral("on"), true}};
        QCOMPARE(render(QStringLiteral("${{ values.name }}/{{ name }}"), values), QStringLiteral("svc/svc"));
        QCOMPARE(render(QStringLiteral("{{#list}}- {{.}}\n{{/list}}"), values), QStringLiteral("- a\n- b\n"));
        QCOMPARE(render(QStringLiteral("{{^off}}no{{/off}}"), values), QStringLiteral("no"));
        QCOMPARE(render(QStringLiteral("{{ values.name }}"), values), QStringLiteral("svc"));
        // No HTML escaping in source files.
        QCOMPARE(render(QStringLiteral("{{ x }}"), {{QStringLiteral("x"), QStringLiteral("a<b & \"c\"")}}),
                 QStringLiteral("a<b & \"c\""));
    }

    void ifBlocksAndRaw()
    {
        const QJsonObject values{{QStringLiteral("db"), QStringLiteral("postgres")}};
        const QString text = QStringLiteral("start\n"
                                            "{% if values.db == 'postgres' %}\n"
                                            "db: pg\n"
                                            "{% elif values.db %}\n"
                                            "db: other\n"
                                            "{% else %}\n"
                                            "db: none\n"
                                            "{% endif %}\n"
                                            "end\n");
        QCOMPARE(render(text, values), QStringLiteral("start\ndb: pg\nend\n"));
        QCOMPARE(render(text, {{QStringLiteral("db"), QStringLiteral("mysql")}}),
                 QStringLiteral("start\ndb: other\nend\n"));
        QCOMPARE(render(text, {}), QStringLiteral("start\ndb: none\nend\n"));
        // GitHub's own expressions survive inside raw blocks, and so does mustache-looking text.
        const QString workflow = QStringLiteral("name: ${{ values.db }}\n"
                                                "{% raw %}\n"
                                                "sha: ${{ github.sha }} {{ $value }}\n"
                                                "{% endraw %}\n"
                                                "done\n");
        QCOMPARE(render(workflow, values),
                 QStringLiteral("name: postgres\nsha: ${{ github.sha }} {{ $value }}\ndone\n"));
    }

    void valuesAreInert()
    {
        const QJsonObject values{
            {QStringLiteral("evil"), QStringLiteral("{{ secret }} ${{ values.secret }} {% raw %}")},
            {QStringLiteral("secret"), QStringLiteral("TOPSECRET")}};
        const QString out = render(QStringLiteral("a ${{ values.evil }} b {{ evil }}"), values);
        QCOMPARE(out,
                 QStringLiteral("a {{ secret }} ${{ values.secret }} {% raw %} b {{ secret }} ${{ values.secret }} "
                                "{% raw %}"));
        QVERIFY(!out.contains(QLatin1String("TOPSECRET")));
    }

    void syntaxErrorsNameTheLine()
    {
        QString error;
        int line = 0;
        QVERIFY(!Renderer::checkText(QStringLiteral("ok\nok\n${{ values.x | nope }}\n"), &error, &line));
        QCOMPARE(line, 3);
        QVERIFY(error.contains(QLatin1String("nope")));
        QVERIFY(!Renderer::checkText(QStringLiteral("{% if x %}\nnever closed\n"), &error, &line));
        QCOMPARE(line, 1);
        QVERIFY(!Renderer::checkText(QStringLiteral("a\n{% for x in y %}{% endfor %}\n"), &error, &line));
        QVERIFY(error.contains(QLatin1String("not supported")));
        QVERIFY(!Renderer::checkText(QStringLiteral("{{#open}}never closed"), &error, &line));
        QVERIFY(error.contains(QLatin1String("mustache")));
    }

    void pathsStayInside_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected"); // empty: refused
        QTest::newRow("plain") << "src/${{ values.v }}.go"
                               << "main"
                               << "src/main.go";
        QTest::newRow("dot-dot value") << "src/${{ values.v }}"
                                       << ".."
                                       << "";
        QTest::newRow("slash in value") << "src/${{ values.v }}.txt"
                                        << "../../etc/passwd"
                                        << "";
        QTest::newRow("absolute value") << "${{ values.v }}"
                                        << "/etc/passwd"
                                        << "";
        QTest::newRow("backslash value") << "${{ values.v }}"
                                         << "..\\x"
                                         << "";
        QTest::newRow("mustache slash") << "{{ v }}.txt"
                                        << "a/b"
                                        << "";
        QTest::newRow("dot value") << "${{ values.v }}/x"
                                   << "."
                                   << "";
        QTest::newRow("empty skips") << "src/${{ values.v }}"
                                     << ""
                                     << "<skip>";
        QTest::newRow("git folder") << "${{ values.v }}/config"
                                    << ".git"
                                    << "";
    }

    void pathsStayInside()
    {
        QFETCH(QString, path);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QString out;
        QString error;
        const bool ok = Renderer::renderPath(path, valuesContext({{QStringLiteral("v"), value}}), &out, &error);
        if (expected.isEmpty()) {
            QVERIFY2(!ok, qPrintable(out));
            QVERIFY(!error.isEmpty());
        } else if (expected == QLatin1String("<skip>")) {
            QVERIFY(ok);
            QVERIFY(out.isEmpty());
        } else {
            QVERIFY2(ok, qPrintable(error));
            QCOMPARE(out, expected);
        }
    }

    void normalizesOnlyRelativePaths()
    {
        QString out;
        QString error;
        QVERIFY(Renderer::normalizeRelativePath(QStringLiteral("./a//b/./c"), &out, &error));
        QCOMPARE(out, QStringLiteral("a/b/c"));
        QVERIFY(!Renderer::normalizeRelativePath(QStringLiteral("a/../../b"), &out, &error));
        QVERIFY(!Renderer::normalizeRelativePath(QStringLiteral("/abs"), &out, &error));
        QVERIFY(!Renderer::normalizeRelativePath(QStringLiteral("C:/x"), &out, &error));
    }

    void rendersAFolderWithGlobsAndExtension()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("README.md")), "# ${{ values.name }}\n");
        writeFile(dir.filePath(QStringLiteral("${{ values.name }}/main.txt")), "hi {{ name }}\n");
        writeFile(dir.filePath(QStringLiteral("static/logo.txt")), "${{ untouched }}\n");
        writeFile(dir.filePath(QStringLiteral("bin.dat")), QByteArray("\0\1${{ x }}", 10));
        FileSet files;
        QString error;
        Renderer::Options options;
        options.copyWithoutTemplating = {QStringLiteral("static/**")};
        QVERIFY2(Renderer::renderDirectory(dir.path(), QStringLiteral("out"),
                                           valuesContext({{QStringLiteral("name"), QStringLiteral("svc")}}), options,
                                           &files, &error),
                 qPrintable(error));
        QCOMPARE(int(files.size()), 4);
        QCOMPARE(files.at(QStringLiteral("out/README.md")).contents, QByteArray("# svc\n"));
        QCOMPARE(files.at(QStringLiteral("out/svc/main.txt")).contents, QByteArray("hi svc\n"));
        QCOMPARE(files.at(QStringLiteral("out/static/logo.txt")).contents, QByteArray("${{ untouched }}\n"));
        QCOMPARE(files.at(QStringLiteral("out/bin.dat")).contents, QByteArray("\0\1${{ x }}", 10));
        QVERIFY(files.at(QStringLiteral("out/bin.dat")).isBinary());

        FileSet njk;
        writeFile(dir.filePath(QStringLiteral("conf.yaml.njk")), "n: ${{ values.name }}\n");
        options.templateFileExtension = QStringLiteral(".njk");
        QVERIFY(Renderer::renderDirectory(dir.path(), QString(),
                                          valuesContext({{QStringLiteral("name"), QStringLiteral("svc")}}), options,
                                          &njk, &error));
        QCOMPARE(njk.at(QStringLiteral("conf.yaml")).contents, QByteArray("n: svc\n"));
        QCOMPARE(njk.at(QStringLiteral("README.md")).contents, QByteArray("# ${{ values.name }}\n"));
    }

    void symlinksInASkeletonAreRefused()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("ok.txt")), "fine\n");
        QVERIFY(QFile::link(QStringLiteral("/etc/passwd"), dir.filePath(QStringLiteral("passwd"))));
        FileSet files;
        QString error;
        QVERIFY(!Renderer::renderDirectory(dir.path(), QString(), {}, {}, &files, &error));
        QVERIFY2(error.contains(QLatin1String("symbolic link")), qPrintable(error));
    }

    void hugeOutputIsRefused()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("big.txt")), "${{ values.v }}${{ values.v }}${{ values.v }}\n");
        FileSet files;
        QString error;
        RenderLimits limits;
        limits.maxFileBytes = 1024 * 1024;
        QVERIFY(!Renderer::renderDirectory(dir.path(), QString(),
                                           valuesContext({{QStringLiteral("v"), QString(500000, QLatin1Char('x'))}}),
                                           {}, &files, &error, nullptr, limits));
        QVERIFY2(error.contains(QLatin1String("MB")), qPrintable(error));
    }

    void globs()
    {
        QVERIFY(Renderer::globMatches(QStringLiteral("**/*.png"), QStringLiteral("a/b/c.png")));
        QVERIFY(Renderer::globMatches(QStringLiteral("**/*.png"), QStringLiteral("c.png")));
        QVERIFY(
            Renderer::globMatches(QStringLiteral(".github/workflows/*"), QStringLiteral(".github/workflows/ci.yaml")));
        QVERIFY(!Renderer::globMatches(QStringLiteral("*.png"), QStringLiteral("a/c.png")));
        QVERIFY(Renderer::globMatches(QStringLiteral("./static/**"), QStringLiteral("static/x/y")));
    }
};

QTEST_GUILESS_MAIN(TestRenderer)
#include "tst_renderer.moc"
