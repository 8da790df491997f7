#include "models/catalog/catalogroles.h"
#include "models/catalog/problemmodel.h"
#include "tests/unit/catalogtestutil.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Gantry::Catalog;
using Gantry::Tests::catalogFromYaml;

namespace {
// Two definitions of the same entity (an error) and a dangling dependency (a warning).
QByteArray problemYaml()
{
    return QByteArrayLiteral("kind: Component\n" // 1
                             "metadata:\n"       // 2
                             "  name: a\n"       // 3
                             "spec:\n"           // 4
                             "  owner: team-x\n" // 5
                             "---\n"             // 6
                             "kind: Component\n" // 7
                             "metadata:\n"       // 8
                             "  name: a\n");     // 9
}
} // namespace

class TestProblemModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rows()
    {
        ProblemModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.errorCount(), 0);

        const CatalogPtr catalog = catalogFromYaml(problemYaml(), QStringLiteral("/repo/catalog-info.yaml"));
        model.setCatalog(catalog);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), int(catalog->problems().size()));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.errorCount(), 1);
        QCOMPARE(model.warningCount(), 1);
        QCOMPARE(model.columnCount(), int(ProblemModel::ColumnCount));

        model.setCatalog(catalog);
        QCOMPARE(reset.count(), 1);
        model.setCatalog(nullptr);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(reset.count(), 2);
    }

    void data_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("role");
        QTest::addColumn<QVariant>("expected");

        // Problems are ordered by file, line, column: the dangling owner (line 5) first.
        QTest::newRow("severity text") << 0 << int(ProblemModel::SeverityColumn) << int(Qt::DisplayRole)
                                       << QVariant(QStringLiteral("Warning"));
        QTest::newRow("severity icon") << 0 << int(ProblemModel::SeverityColumn) << int(SeverityIconRole)
                                       << QVariant(QStringLiteral("warning"));
        QTest::newRow("error icon") << 1 << int(ProblemModel::SeverityColumn) << int(SeverityIconRole)
                                    << QVariant(QStringLiteral("error"));
        QTest::newRow("file:line") << 0 << int(ProblemModel::LocationColumn) << int(Qt::DisplayRole)
                                   << QVariant(
                                          QStringLiteral("components/a/catalog-info.yaml:5")); // relative to its root
        QTest::newRow("file role") << 1 << int(ProblemModel::MessageColumn) << int(FileRole)
                                   << QVariant(QStringLiteral("/repo/components/a/catalog-info.yaml"));
        QTest::newRow("line role") << 1 << int(ProblemModel::MessageColumn) << int(LineRole) << QVariant(7);
        QTest::newRow("column role") << 1 << int(ProblemModel::MessageColumn) << int(ColumnRole) << QVariant(1);
        QTest::newRow("entity") << 0 << int(ProblemModel::EntityColumn) << int(Qt::DisplayRole)
                                << QVariant(QStringLiteral("component:default/a"));
        QTest::newRow("entity role") << 1 << int(ProblemModel::SeverityColumn) << int(EntityRefRole)
                                     << QVariant(QStringLiteral("component:default/a"));
        QTest::newRow("severity role") << 1 << int(ProblemModel::SeverityColumn) << int(SeverityRole)
                                       << QVariant(int(Problem::Severity::Error));
    }

    void data()
    {
        QFETCH(int, row);
        QFETCH(int, column);
        QFETCH(int, role);
        QFETCH(QVariant, expected);

        ProblemModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCatalog(catalogFromYaml(problemYaml(), QStringLiteral("/repo/components/a/catalog-info.yaml"),
                                         QStringLiteral("test"), {QStringLiteral("/repo")}));
        const QVariant actual = model.index(row, column).data(role);
        QCOMPARE(actual.toString(), expected.toString());
    }

    void messageNamesTheProblem()
    {
        ProblemModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCatalog(catalogFromYaml(problemYaml(), QStringLiteral("/repo/components/a/catalog-info.yaml"),
                                         QStringLiteral("test"), {QStringLiteral("/repo")}));
        QVERIFY(model.index(0, ProblemModel::MessageColumn).data().toString().contains(QLatin1String("team-x")));
        QVERIFY(model.index(1, ProblemModel::MessageColumn).data().toString().contains(QLatin1String("twice")));
        QCOMPARE(model.problemAt(1)->severity, Problem::Severity::Error);
        QCOMPARE(model.problemAt(2), nullptr);
        QCOMPARE(model.headerData(ProblemModel::LocationColumn, Qt::Horizontal).toString(),
                 QStringLiteral("File:Line"));
    }
};

QTEST_GUILESS_MAIN(TestProblemModel)
#include "tst_problemmodel.moc"
