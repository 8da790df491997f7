#include "models/catalog/catalogfilterproxy.h"
#include "models/catalog/catalogmodel.h"
#include "models/catalog/catalogroles.h"
#include "tests/unit/catalogtestutil.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace Gantry::Catalog;
using Gantry::Tests::catalogFromYaml;

Q_DECLARE_METATYPE(Gantry::Catalog::Facet)

namespace {
QStringList acceptedRefs(const QAbstractItemModel &proxy)
{
    QStringList refs;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        refs << proxy.index(row, 0).data(RefRole).toString();
    }
    refs.sort();
    return refs;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

// What the proxy must accept, computed the slow, obvious way.
QStringList bruteForce(const Catalog &catalog, const QString &query)
{
    const QStringList words = query.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList refs;
    for (const Entity &e : catalog.entities()) {
        const QString text = (QStringList{e.name, e.title, e.description} + e.tags).join(QLatin1Char('\n')).toLower();
        if (std::all_of(words.cbegin(), words.cend(), [&text](const QString &w) { return text.contains(w); })) {
            refs << e.ref;
        }
    }
    refs.sort();
    return refs;
}

using FacetSelection = QList<QPair<Facet, QStringList>>;
} // namespace

Q_DECLARE_METATYPE(FacetSelection)

class TestCatalogFilterProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void search_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");

        const QString checkout = QStringLiteral("component:default/checkout");
        const QString cart = QStringLiteral("component:default/cart");
        const QString api = QStringLiteral("api:default/checkout-api");
        const QString billing = QStringLiteral("component:ops/billing");

        QTest::newRow("empty shows all") << QString() << QStringList();
        QTest::newRow("name") << "checkout" << QStringList{checkout, api};
        QTest::newRow("case-insensitive, all words") << "CHECKOUT service" << QStringList{checkout};
        QTest::newRow("tag or description") << "payments" << QStringList{checkout, cart};
        QTest::newRow("tag") << "java" << QStringList{checkout, billing};
        QTest::newRow("extra spaces") << "  java   checkout " << QStringList{checkout};
        QTest::newRow("title") << "legacy" << QStringList{billing};
        QTest::newRow("markup is text") << "<b>web" << QStringList{cart};
        QTest::newRow("no match") << "zzz" << QStringList();
        QTest::newRow("owner is not searched") << "team-a" << QStringList{QStringLiteral("group:default/team-a")};
    }

    void search()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);

        CatalogModel model;
        CatalogFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        const CatalogPtr catalog = catalogFromYaml(Gantry::Tests::sampleCatalogYaml());
        model.setCatalog(catalog);
        QCOMPARE(proxy.rowCount(), 8);

        QSignalSpy filterChanged(&proxy, &CatalogFilterProxy::filterChanged);
        proxy.setSearchText(query);
        QCOMPARE(filterChanged.count(), query.trimmed().isEmpty() ? 0 : 1);
        QCOMPARE(acceptedRefs(proxy),
                 expected.isEmpty() && query.isEmpty() ? bruteForce(*catalog, {}) : sorted(expected));
        QCOMPARE(proxy.hasFilters(), !query.trimmed().isEmpty());

        proxy.setSearchText(QString());
        QCOMPARE(proxy.rowCount(), 8);
    }

    void facets_data()
    {
        QTest::addColumn<FacetSelection>("selection");
        QTest::addColumn<QString>("search");
        QTest::addColumn<QStringList>("expected");

        const QString checkout = QStringLiteral("component:default/checkout");
        const QString cart = QStringLiteral("component:default/cart");
        const QString api = QStringLiteral("api:default/checkout-api");
        const QString db = QStringLiteral("resource:default/orders-db");
        const QString billing = QStringLiteral("component:ops/billing");

        QTest::newRow("kind") << FacetSelection{{Facet::Kind, {QStringLiteral("component")}}} << QString()
                              << QStringList{checkout, cart, billing};
        QTest::newRow("OR within a facet")
            << FacetSelection{{Facet::Kind, {QStringLiteral("component"), QStringLiteral("api")}}} << QString()
            << QStringList{checkout, cart, billing, api};
        QTest::newRow("AND across facets") << FacetSelection{{Facet::Kind, {QStringLiteral("component")}},
                                                             {Facet::Owner, {QStringLiteral("group:default/team-b")}}}
                                           << QString() << QStringList{cart, billing};
        QTest::newRow("lifecycle") << FacetSelection{{Facet::Lifecycle, {QStringLiteral("production")}}} << QString()
                                   << QStringList{checkout, api};
        QTest::newRow("tags: any of them")
            << FacetSelection{{Facet::Tag, {QStringLiteral("java"), QStringLiteral("frontend")}}} << QString()
            << QStringList{checkout, billing, cart};
        QTest::newRow("namespace") << FacetSelection{{Facet::Namespace, {QStringLiteral("ops")}}} << QString()
                                   << QStringList{billing};
        QTest::newRow("system") << FacetSelection{{Facet::System, {QStringLiteral("system:default/shop")}}} << QString()
                                << QStringList{checkout, cart, api, db};
        QTest::newRow("type") << FacetSelection{{Facet::Type, {QStringLiteral("team")}}} << QString()
                              << QStringList{QStringLiteral("group:default/team-a"),
                                             QStringLiteral("group:default/team-b")};
        QTest::newRow("unknown value matches nothing")
            << FacetSelection{{Facet::Owner, {QStringLiteral("group:default/nobody")}}} << QString() << QStringList();
        QTest::newRow("facets and search")
            << FacetSelection{{Facet::Kind, {QStringLiteral("component")}},
                              {Facet::Lifecycle, {QStringLiteral("experimental"), QStringLiteral("production")}}}
            << "payments" << QStringList{checkout, cart};
    }

    void facets()
    {
        QFETCH(FacetSelection, selection);
        QFETCH(QString, search);
        QFETCH(QStringList, expected);

        CatalogModel model;
        CatalogFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        model.setCatalog(catalogFromYaml(Gantry::Tests::sampleCatalogYaml()));

        for (const auto &[facet, values] : selection) {
            proxy.setFacetValues(facet, values);
            QCOMPARE(proxy.facetValues(facet), values);
        }
        proxy.setSearchText(search);
        QCOMPARE(acceptedRefs(proxy), sorted(expected));
        QVERIFY(proxy.hasFilters());

        // A new snapshot keeps the filters.
        model.setCatalog(catalogFromYaml(Gantry::Tests::sampleCatalogYaml()));
        QCOMPARE(acceptedRefs(proxy), sorted(expected));

        QSignalSpy filterChanged(&proxy, &CatalogFilterProxy::filterChanged);
        proxy.clearFilters();
        QCOMPARE(filterChanged.count(), 1);
        QCOMPARE(proxy.rowCount(), 8);
        QVERIFY(!proxy.hasFilters());
    }

    void typingMatchesBruteForce()
    {
        // Narrowing re-tests only earlier matches, widening hits the cache: the result must be
        // the same as filtering from scratch at every step.
        CatalogModel model;
        CatalogFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        const CatalogPtr catalog = catalogFromYaml(Gantry::Tests::generatedCatalogYaml(600));
        model.setCatalog(catalog);

        const QString typed = QStringLiteral("pay shard 1");
        QString query;
        QStringList steps;
        for (const QChar c : typed) {
            query += c;
            steps << query;
        }
        for (int i = 0; i < 6; ++i) {
            query.chop(1);
            steps << query;
        }
        steps << QStringLiteral("shard 12 pay") << QStringLiteral("shard 1") << QStringLiteral("ledger")
              << QStringLiteral("ledger ord") << QStringLiteral("xyz") << QString();
        for (const QString &step : std::as_const(steps)) {
            proxy.setSearchText(step);
            QCOMPARE(acceptedRefs(proxy), bruteForce(*catalog, step));
        }
    }

    void largeChangesKeepPersistentIndexes()
    {
        // Past a few thousand rows shown or hidden the proxy rebuilds its mapping in one go: the
        // tester checks the signals, and a selection (persistent index) must stay on its entity.
        CatalogModel model;
        CatalogFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.sort(CatalogModel::NameColumn, Qt::DescendingOrder);
        const CatalogPtr catalog = catalogFromYaml(Gantry::Tests::generatedCatalogYaml(6000));
        model.setCatalog(catalog);
        QCOMPARE(proxy.rowCount(), 6000);
        const QString kept = QStringLiteral("component:default/svc-10-ledger");
        const QString hidden = QStringLiteral("component:default/svc-0-payments");
        const QPersistentModelIndex keptIndex = proxy.indexOfRef(kept);
        const QPersistentModelIndex hiddenIndex = proxy.indexOfRef(hidden);
        QVERIFY(keptIndex.isValid() && hiddenIndex.isValid());

        QSignalSpy layoutChanged(&proxy, &QAbstractItemModel::layoutChanged);
        proxy.setSearchText(QStringLiteral("ledger"));
        QCOMPARE(layoutChanged.count(), 1);
        QCOMPARE(acceptedRefs(proxy), bruteForce(*catalog, QStringLiteral("ledger")));
        QVERIFY(keptIndex.isValid());
        QCOMPARE(keptIndex.data(RefRole).toString(), kept);
        QVERIFY(!hiddenIndex.isValid());

        // Re-sorting moves rows, not the selection.
        proxy.sort(CatalogModel::OwnerColumn, Qt::AscendingOrder);
        QCOMPARE(keptIndex.data(RefRole).toString(), kept);
        proxy.setSearchText(QString());
        QCOMPARE(proxy.rowCount(), 6000);
        QCOMPARE(keptIndex.data(RefRole).toString(), kept);
    }

    void sorting()
    {
        CatalogModel model;
        CatalogFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        model.setCatalog(catalogFromYaml(QByteArrayLiteral("kind: Component\nmetadata:\n  name: svc-10\n"
                                                           "spec:\n  owner: zeta\n"
                                                           "---\nkind: Component\nmetadata:\n  name: Svc-2\n"
                                                           "---\nkind: Component\nmetadata:\n  name: svc-1\n"
                                                           "spec:\n  owner: alpha\n")));
        const auto column = [&proxy](int c) {
            QStringList values;
            for (int row = 0; row < proxy.rowCount(); ++row) {
                values << proxy.index(row, c).data().toString();
            }
            return values;
        };
        proxy.sort(CatalogModel::NameColumn, Qt::AscendingOrder);
        QCOMPARE(column(CatalogModel::NameColumn),
                 QStringList({QStringLiteral("svc-1"), QStringLiteral("Svc-2"), QStringLiteral("svc-10")}));
        proxy.sort(CatalogModel::NameColumn, Qt::DescendingOrder);
        QCOMPARE(column(CatalogModel::NameColumn),
                 QStringList({QStringLiteral("svc-10"), QStringLiteral("Svc-2"), QStringLiteral("svc-1")}));
        proxy.sort(CatalogModel::OwnerColumn, Qt::AscendingOrder);
        QCOMPARE(column(CatalogModel::OwnerColumn),
                 QStringList({QStringLiteral("alpha"), QStringLiteral("zeta"), QString()}));

        // Filtering keeps the order.
        proxy.sort(CatalogModel::NameColumn, Qt::AscendingOrder);
        proxy.setSearchText(QStringLiteral("svc-1"));
        QCOMPARE(column(CatalogModel::NameColumn), QStringList({QStringLiteral("svc-1"), QStringLiteral("svc-10")}));
        proxy.setSearchText(QString());
        QCOMPARE(column(CatalogModel::NameColumn),
                 QStringList({QStringLiteral("svc-1"), QStringLiteral("Svc-2"), QStringLiteral("svc-10")}));
    }

    void sortSetBeforeTheFirstCatalog_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<Qt::SortOrder>("order");
        QTest::addColumn<QStringList>("first");
        QTest::addColumn<QStringList>("second");
        QTest::newRow("name ascending") << int(CatalogModel::NameColumn) << Qt::AscendingOrder
                                        << QStringList({QStringLiteral("alpha"), QStringLiteral("beta"),
                                                        QStringLiteral("svc-2"), QStringLiteral("svc-10")})
                                        << QStringList(
                                               {QStringLiteral("aaa"), QStringLiteral("mmm"), QStringLiteral("zzz")});
        QTest::newRow("name descending") << int(CatalogModel::NameColumn) << Qt::DescendingOrder
                                         << QStringList({QStringLiteral("svc-10"), QStringLiteral("svc-2"),
                                                         QStringLiteral("beta"), QStringLiteral("alpha")})
                                         << QStringList(
                                                {QStringLiteral("zzz"), QStringLiteral("mmm"), QStringLiteral("aaa")});
    }

    // The table view sorts by name as soon as it gets the (still empty) proxy; the first catalog
    // must come up sorted, not in load order, and so must the next one.
    void sortSetBeforeTheFirstCatalog()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        QFETCH(QStringList, first);
        QFETCH(QStringList, second);
        CatalogModel model;
        CatalogFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.sort(column, order);
        const auto names = [&proxy] {
            QStringList values;
            for (int row = 0; row < proxy.rowCount(); ++row) {
                values << proxy.index(row, CatalogModel::NameColumn).data().toString();
            }
            return values;
        };
        // Load order differs from every expected order.
        model.setCatalog(catalogFromYaml(QByteArrayLiteral("kind: Component\nmetadata:\n  name: svc-10\n"
                                                           "---\nkind: Component\nmetadata:\n  name: beta\n"
                                                           "---\nkind: Component\nmetadata:\n  name: svc-2\n"
                                                           "---\nkind: Component\nmetadata:\n  name: alpha\n")));
        QCOMPARE(names(), first);
        model.setCatalog(catalogFromYaml(QByteArrayLiteral("kind: Component\nmetadata:\n  name: mmm\n"
                                                           "---\nkind: Component\nmetadata:\n  name: zzz\n"
                                                           "---\nkind: Component\nmetadata:\n  name: aaa\n")));
        QCOMPARE(names(), second);
        QCOMPARE(proxy.sortedColumn(), column);
        QCOMPARE(proxy.sortedOrder(), order);

        // Through an empty catalog and back.
        model.setCatalog(catalogFromYaml(QByteArray()));
        QCOMPARE(proxy.rowCount(), 0);
        model.setCatalog(catalogFromYaml(QByteArrayLiteral("kind: Component\nmetadata:\n  name: zzz\n"
                                                           "---\nkind: Component\nmetadata:\n  name: aaa\n"
                                                           "---\nkind: Component\nmetadata:\n  name: mmm\n")));
        QCOMPARE(names(), second);
    }

    void lookups()
    {
        CatalogModel model;
        CatalogFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        model.setCatalog(catalogFromYaml(Gantry::Tests::sampleCatalogYaml()));
        const QModelIndex index = proxy.indexOfRef(QStringLiteral("component:default/cart"));
        QVERIFY(index.isValid());
        QCOMPARE(proxy.entityAt(index)->name, QStringLiteral("cart"));
        proxy.setSearchText(QStringLiteral("checkout"));
        QVERIFY(!proxy.indexOfRef(QStringLiteral("component:default/cart")).isValid());
        QVERIFY(!proxy.indexOfRef(QStringLiteral("component:default/nope")).isValid());
    }

    void fiftyThousandEntitiesPerKeystroke()
    {
        const CatalogPtr catalog = catalogFromYaml(Gantry::Tests::generatedCatalogYaml(50000));
        QCOMPARE(catalog->size(), 50000);
        CatalogModel model;
        CatalogFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(CatalogModel::NameColumn, Qt::AscendingOrder);
        QElapsedTimer timer;
        timer.start();
        model.setCatalog(catalog);
        qInfo("set catalog and sort: %lld ms", timer.elapsed());

        QList<double> times;
        const auto measure = [&](const QString &text) {
            QElapsedTimer t;
            t.start();
            proxy.setSearchText(text);
            // What a view asks right after: the row count and the first rows (the proxy may build its
            // mapping lazily, and that counts).
            for (int row = 0, rows = std::min(proxy.rowCount(), 40); row < rows; ++row) {
                proxy.index(row, 0).data();
            }
            times << t.nsecsElapsed() / 1e6;
        };
        QString query;
        for (const QChar c : QStringLiteral("ledger shard 42")) {
            query += c;
            measure(query);
        }
        while (!query.isEmpty()) {
            query.chop(1);
            measure(query);
        }
        for (const QChar c : QStringLiteral("ordr")) { // a typo: narrows to nothing
            query += c;
            measure(query);
        }
        measure(QString());

        QStringList steps;
        for (const double t : std::as_const(times)) {
            steps << QString::number(t, 'f', 1);
        }
        qInfo("keystrokes (ms): %s", qPrintable(steps.join(QLatin1Char(' '))));
        std::sort(times.begin(), times.end());
        const double median = times[times.size() / 2];
        const double worst = times.last();
        qInfo("per keystroke over 50,000 entities: median %.2f ms, worst %.2f ms", median, worst);
        // Informational only: speed is measured by tests/bench (bench_catalog --phase filter),
        // never asserted in a test. What is asserted is the behaviour at this size.
        QCOMPARE(proxy.rowCount(), 50000);

        QElapsedTimer t;
        t.start();
        proxy.setFacetValues(Facet::Owner, {QStringLiteral("group:default/team-3")});
        const qint64 facetMs = t.elapsed();
        qInfo("facet change: %lld ms", facetMs);
        QCOMPARE(proxy.rowCount(), 50000 / 40);
    }
};

QTEST_GUILESS_MAIN(TestCatalogFilterProxy)
#include "tst_catalogfilterproxy.moc"
