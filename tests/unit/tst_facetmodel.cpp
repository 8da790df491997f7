#include "models/catalog/catalogroles.h"
#include "models/catalog/facetmodel.h"
#include "tests/unit/catalogtestutil.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Gantry::Catalog;
using Gantry::Tests::catalogFromYaml;

Q_DECLARE_METATYPE(Gantry::Catalog::Facet)

namespace {
QStringList sl(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items) {
        list << QString::fromUtf8(item);
    }
    return list;
}
} // namespace

class TestFacetModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void values_data()
    {
        QTest::addColumn<Facet>("facet");
        QTest::addColumn<QStringList>("display");
        QTest::addColumn<QStringList>("keys");

        QTest::newRow("kind") << Facet::Kind
                              << sl({"API (1)", "Component (3)", "Group (2)", "Resource (1)", "System (1)"})
                              << sl({"api", "component", "group", "resource", "system"});
        QTest::newRow("type") << Facet::Type
                              << sl({"database (1)", "openapi (1)", "service (2)", "team (2)", "website (1)"})
                              << sl({"database", "openapi", "service", "team", "website"});
        QTest::newRow("owner") << Facet::Owner << sl({"team-a (4)", "team-b (2)"})
                               << sl({"group:default/team-a", "group:default/team-b"});
        QTest::newRow("lifecycle") << Facet::Lifecycle << sl({"deprecated (1)", "experimental (1)", "production (2)"})
                                   << sl({"deprecated", "experimental", "production"});
        QTest::newRow("system") << Facet::System << sl({"shop (4)"}) << sl({"system:default/shop"});
        QTest::newRow("namespace") << Facet::Namespace << sl({"default (7)", "ops (1)"}) << sl({"default", "ops"});
        QTest::newRow("tags") << Facet::Tag << sl({"frontend (1)", "java (2)", "payments (2)"})
                              << sl({"frontend", "java", "payments"});
    }

    void values()
    {
        QFETCH(Facet, facet);
        QFETCH(QStringList, display);
        QFETCH(QStringList, keys);

        FacetModel model(facet);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setCatalog(catalogFromYaml(Gantry::Tests::sampleCatalogYaml()));
        QCOMPARE(reset.count(), 1);

        QStringList shown;
        QStringList shownKeys;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row);
            shown << index.data().toString();
            shownKeys << index.data(FacetKeyRole).toString();
            QCOMPARE(index.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
            QVERIFY(index.flags() & Qt::ItemIsUserCheckable);
            QVERIFY(index.data(FacetCountRole).toInt() > 0);
        }
        QCOMPARE(shown, display);
        QCOMPARE(shownKeys, keys);
        QVERIFY(!FacetModel::title(facet).isEmpty());
    }

    void checking()
    {
        FacetModel model(Facet::Owner);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCatalog(catalogFromYaml(Gantry::Tests::sampleCatalogYaml()));
        QSignalSpy selection(&model, &FacetModel::selectionChanged);
        QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);

        QVERIFY(model.setData(model.index(1), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(selection.count(), 1);
        QCOMPARE(selection.last().at(0).toStringList(), QStringList{QStringLiteral("group:default/team-b")});
        QCOMPARE(dataChanged.count(), 1);
        QCOMPARE(model.index(1).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));

        // Checking again changes nothing and says nothing.
        QVERIFY(model.setData(model.index(1), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(selection.count(), 1);

        QVERIFY(model.setData(model.index(0), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(selection.count(), 2);
        QCOMPARE(model.selectedKeys(),
                 QStringList({QStringLiteral("group:default/team-a"), QStringLiteral("group:default/team-b")}));

        QVERIFY(!model.setData(model.index(0), QStringLiteral("x"), Qt::EditRole));

        model.clearSelection();
        QCOMPARE(selection.count(), 3);
        QVERIFY(model.selectedKeys().isEmpty());
        model.clearSelection();
        QCOMPARE(selection.count(), 3);
    }

    void selectionSurvivesNewSnapshot_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QStringList>("expectedSelection");
        QTest::addColumn<int>("expectedSignals");

        QTest::newRow("value still there") << Gantry::Tests::sampleCatalogYaml()
                                           << QStringList{QStringLiteral("java"), QStringLiteral("payments")} << 0;
        QTest::newRow("one value gone") << QByteArrayLiteral("kind: Component\nmetadata:\n  name: a\n  tags: [java]\n")
                                        << QStringList{QStringLiteral("java")} << 1;
        QTest::newRow("empty catalog") << QByteArray() << QStringList() << 1;
    }

    void selectionSurvivesNewSnapshot()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QStringList, expectedSelection);
        QFETCH(int, expectedSignals);

        FacetModel model(Facet::Tag);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCatalog(catalogFromYaml(Gantry::Tests::sampleCatalogYaml()));
        model.setSelectedKeys({QStringLiteral("payments"), QStringLiteral("java"), QStringLiteral("unknown")});
        QCOMPARE(model.selectedKeys(), QStringList({QStringLiteral("java"), QStringLiteral("payments")}));

        QSignalSpy selection(&model, &FacetModel::selectionChanged);
        model.setCatalog(catalogFromYaml(yaml));
        QCOMPARE(selection.count(), expectedSignals);
        QCOMPARE(model.selectedKeys(), expectedSelection);
    }

    void forEachKeySkipsEmptyValues()
    {
        const CatalogPtr catalog = catalogFromYaml(QByteArrayLiteral("kind: Group\nmetadata:\n  name: g\n"));
        const Entity &e = catalog->entities().front();
        int calls = 0;
        for (const Facet facet : {Facet::Type, Facet::Owner, Facet::Lifecycle, Facet::System, Facet::Tag}) {
            FacetModel::forEachKey(e, facet, [&calls](const QString &) { ++calls; });
        }
        QCOMPARE(calls, 0);
        QStringList keys;
        FacetModel::forEachKey(e, Facet::Kind, [&keys](const QString &k) { keys << k; });
        FacetModel::forEachKey(e, Facet::Namespace, [&keys](const QString &k) { keys << k; });
        QCOMPARE(keys, QStringList({QStringLiteral("group"), QStringLiteral("default")}));
    }
};

QTEST_GUILESS_MAIN(TestFacetModel)
#include "tst_facetmodel.moc"
