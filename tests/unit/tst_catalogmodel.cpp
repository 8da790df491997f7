#include "models/catalog/catalogmodel.h"
#include "models/catalog/catalogroles.h"
#include "tests/unit/catalogtestutil.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Gantry::Catalog;
using Gantry::Tests::catalogFromYaml;

class TestCatalogModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyModel()
    {
        CatalogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(CatalogModel::ColumnCount));
        QCOMPARE(model.entityAt(0), nullptr);
    }

    void setCatalogResets()
    {
        CatalogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const CatalogPtr catalog = catalogFromYaml(Gantry::Tests::sampleCatalogYaml());
        QCOMPARE(catalog->size(), 8);

        model.setCatalog(catalog);
        QCOMPARE(aboutToReset.count(), 1);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 8);

        model.setCatalog(catalog); // the same snapshot: nothing to do
        QCOMPARE(reset.count(), 1);

        model.setCatalog(catalogFromYaml(QByteArrayLiteral("kind: Component\nmetadata:\n  name: only\n")));
        QCOMPARE(reset.count(), 2);
        QCOMPARE(model.rowCount(), 1);

        model.setCatalog(nullptr);
        QCOMPARE(reset.count(), 3);
        QCOMPARE(model.rowCount(), 0);
    }

    void display_data()
    {
        QTest::addColumn<QString>("ref");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("expected");

        QTest::newRow("title wins over name")
            << "component:default/checkout" << int(CatalogModel::NameColumn) << "Checkout Service";
        QTest::newRow("name without title") << "component:default/cart" << int(CatalogModel::NameColumn) << "cart";
        QTest::newRow("kind as written") << "api:default/checkout-api" << int(CatalogModel::KindColumn) << "API";
        QTest::newRow("type") << "api:default/checkout-api" << int(CatalogModel::TypeColumn) << "openapi";
        QTest::newRow("owner short") << "component:default/checkout" << int(CatalogModel::OwnerColumn) << "team-a";
        QTest::newRow("owner in default namespace from another one")
            << "component:ops/billing" << int(CatalogModel::OwnerColumn) << "team-b";
        QTest::newRow("lifecycle") << "component:default/cart" << int(CatalogModel::LifecycleColumn) << "experimental";
        QTest::newRow("system") << "component:default/cart" << int(CatalogModel::SystemColumn) << "shop";
        QTest::newRow("no system") << "group:default/team-a" << int(CatalogModel::SystemColumn) << "";
        QTest::newRow("namespace") << "component:ops/billing" << int(CatalogModel::NamespaceColumn) << "ops";
        QTest::newRow("description") << "resource:default/orders-db" << int(CatalogModel::DescriptionColumn)
                                     << "Orders database";
        QTest::newRow("tags") << "component:default/checkout" << int(CatalogModel::TagsColumn) << "payments, java";
    }

    void display()
    {
        QFETCH(QString, ref);
        QFETCH(int, column);
        QFETCH(QString, expected);

        CatalogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCatalog(catalogFromYaml(Gantry::Tests::sampleCatalogYaml()));
        const int row = model.catalog()->indexOf(ref);
        QVERIFY2(row >= 0, qPrintable(ref));
        const QModelIndex index = model.index(row, column);
        QCOMPARE(index.data(Qt::DisplayRole).toString(), expected);
        QCOMPARE(index.data(SortRole).toString(), expected);
        QCOMPARE(index.data(RefRole).toString(), ref);
        QCOMPARE(index.data(EntityIndexRole).toInt(), row);
    }

    void kindIcon_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("icon");
        QTest::newRow("component") << "Component"
                                   << "component";
        QTest::newRow("api") << "API"
                             << "api";
        QTest::newRow("lower-case kind") << "group"
                                         << "group";
        QTest::newRow("template") << "Template"
                                  << "template";
        QTest::newRow("unknown kind") << "Widget"
                                      << "entity";
    }

    void kindIcon()
    {
        QFETCH(QString, kind);
        QFETCH(QString, icon);
        QCOMPARE(CatalogModel::kindIconName(kind), icon);

        CatalogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCatalog(catalogFromYaml(QStringLiteral("kind: %1\nmetadata:\n  name: x\n").arg(kind).toUtf8()));
        QCOMPARE(model.index(0, CatalogModel::NameColumn).data(KindIconRole).toString(), icon);
        QCOMPARE(model.index(0, CatalogModel::NameColumn).data(KindRole).toString(), kind);
        // Only the name column carries the icon.
        QVERIFY(!model.index(0, CatalogModel::KindColumn).data(KindIconRole).isValid());
    }

    void shortRef_data()
    {
        QTest::addColumn<QString>("ref");
        QTest::addColumn<QString>("expected");
        QTest::newRow("default namespace") << "group:default/team-a"
                                           << "team-a";
        QTest::newRow("other namespace") << "group:ops/team-a"
                                         << "ops/team-a";
        QTest::newRow("namespace starting with default") << "group:defaults/x"
                                                         << "defaults/x";
    }

    void shortRef()
    {
        QFETCH(QString, ref);
        QFETCH(QString, expected);
        QCOMPARE(CatalogModel::shortRef(ref), expected);
    }

    void headers()
    {
        CatalogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QStringList headers;
        for (int c = 0; c < model.columnCount(); ++c) {
            headers << model.headerData(c, Qt::Horizontal).toString();
        }
        QCOMPARE(headers,
                 QStringList({QStringLiteral("Name"), QStringLiteral("Kind"), QStringLiteral("Type"),
                              QStringLiteral("Owner"), QStringLiteral("Lifecycle"), QStringLiteral("System"),
                              QStringLiteral("Namespace"), QStringLiteral("Description"), QStringLiteral("Tags")}));
    }

    void outOfRange()
    {
        CatalogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCatalog(catalogFromYaml(Gantry::Tests::sampleCatalogYaml()));
        QVERIFY(!model.index(99, 0).isValid());
        QVERIFY(!model.data(QModelIndex()).isValid());
        QCOMPARE(model.entityAt(-1), nullptr);
        QCOMPARE(model.entityAt(8), nullptr);
        QCOMPARE(model.entityAt(7)->name, QStringLiteral("billing"));
    }
};

QTEST_GUILESS_MAIN(TestCatalogModel)
#include "tst_catalogmodel.moc"
