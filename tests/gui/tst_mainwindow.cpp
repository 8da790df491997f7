#include "models/catalog/catalogfilterproxy.h"
#include "models/catalog/catalogmodel.h"
#include "models/catalog/catalogroles.h"
#include "models/catalog/catalogservice.h"
#include "models/catalog/facetmodel.h"
#include "models/workspace/settings.h"
#include "tests/unit/catalogtestutil.h"
#include "ui/banner.h"
#include "ui/catalogtable.h"
#include "ui/codeview.h"
#include "ui/entitypage.h"
#include "ui/filterpanel.h"
#include "ui/icons.h"
#include "ui/mainwindow.h"
#include "ui/problemsview.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

#include <algorithm>

using namespace Gantry;
using Catalog::Facet;

namespace {

const QString Checkout = QStringLiteral("component:default/checkout");
const QString Cart = QStringLiteral("component:default/cart");
const QString OrdersDb = QStringLiteral("resource:default/orders-db");

// A catalog without problems.
const QByteArray CleanYaml = QByteArrayLiteral("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n"
                                               "  name: web\nspec:\n  type: website\n  lifecycle: production\n"
                                               "  owner: team-a\n---\napiVersion: backstage.io/v1alpha1\n"
                                               "kind: Group\nmetadata:\n  name: team-a\nspec:\n  type: team\n"
                                               "  children: []\n");
// Two errors (duplicate entities) and one warning.
const QByteArray ErrorYaml = QByteArrayLiteral("kind: Component\nmetadata:\n  name: a\nspec:\n  owner: x\n---\n"
                                               "kind: Component\nmetadata:\n  name: a\n---\nkind: Component\n"
                                               "metadata:\n  name: a\n");

QStringList columnTexts(const QAbstractItemModel *model, int column)
{
    QStringList texts;
    for (int row = 0; row < model->rowCount(); ++row) {
        texts << model->index(row, column).data().toString();
    }
    return texts;
}

bool sameIcon(const QIcon &a, const QIcon &b)
{
    return a.cacheKey() == b.cacheKey();
}

// A realistic organisation for looking at the window (GANTRY_SHOWCASE_MS).
QByteArray showcaseYaml()
{
    struct Item
    {
        const char *kind, *name, *title, *description, *type, *lifecycle, *owner, *system, *tags, *deps;
    };
    static const Item items[] = {
        {"Component", "checkout", "Checkout Service", "Takes payments and places orders", "service", "production",
         "team-payments", "payments", "payments, java", "resource:orders-db, component:fraud-check"},
        {"Component", "cart", nullptr, "The shopping cart front end", "website", "production", "team-storefront",
         "storefront", "frontend, react", "component:checkout"},
        {"Component", "fraud-check", "Fraud Check", "Scores every payment for fraud risk in real time", "service",
         "production", "team-payments", "payments", "payments, python, ml", ""},
        {"Component", "search", "Product Search", "Full-text product search with typo tolerance", "service",
         "production", "team-storefront", "storefront", "search, go", "resource:search-index"},
        {"Component", "recommendations", nullptr, "You-might-also-like suggestions", "service", "experimental",
         "team-data", "storefront", "ml, python", "resource:events-lake"},
        {"Component", "shipping-rates", "Shipping Rates", "Quotes carriers and delivery windows", "service",
         "production", "team-logistics", "logistics", "go", ""},
        {"Component", "warehouse-sync", nullptr, "Nightly stock reconciliation with the warehouses", "service",
         "deprecated", "team-logistics", "logistics", "batch, java", "resource:orders-db"},
        {"Component", "login", "Login", "Sign-in, sessions and multi-factor authentication", "website", "production",
         "team-identity", "identity", "frontend, security", "component:accounts"},
        {"Component", "accounts", "Accounts Service", "Customer accounts and profiles", "service", "production",
         "team-identity", "identity", "java, security", "resource:accounts-db"},
        {"Component", "design-system", "Design System", "Shared UI components and tokens", "library", "production",
         "team-storefront", nullptr, "frontend, react", ""},
        {"Component", "events-pipeline", "Events Pipeline", "Streams click and order events into the lake", "service",
         "experimental", "team-data", "data-platform", "kafka, scala", "resource:events-lake"},
        {"Component", "invoice-pdf", nullptr, "Renders invoices as PDF", "service", "production", "team-payments",
         "payments", "java", ""},
        {"Resource", "orders-db", "Orders Database", "PostgreSQL cluster holding orders", "database", "production",
         "team-payments", "payments", "postgres", ""},
        {"Resource", "accounts-db", nullptr, "Customer accounts database", "database", "production", "team-identity",
         "identity", "postgres", ""},
        {"Resource", "search-index", nullptr, "OpenSearch index of the product catalogue", "search-index", "production",
         "team-storefront", "storefront", "opensearch", ""},
        {"Resource", "events-lake", "Events Lake", "Object storage for raw events", "bucket", "production", "team-data",
         "data-platform", "s3", ""},
        {"API", "checkout-api", "Checkout API", "Place and query orders", "openapi", "production", "team-payments",
         "payments", "rest", ""},
        {"API", "accounts-api", nullptr, "Read and update customer accounts", "openapi", "production", "team-identity",
         "identity", "rest", ""},
        {"API", "order-events", "Order Events", "Order lifecycle events", "asyncapi", "experimental", "team-data",
         "data-platform", "kafka", ""},
        {"Template", "spring-boot-service", "Spring Boot Service", "Create a new Java service with CI and deploy",
         "service", nullptr, "team-platform", nullptr, "java, recommended", ""},
    };
    QByteArray yaml;
    for (const Item &i : items) {
        yaml += "---\napiVersion: backstage.io/v1alpha1\nkind: " + QByteArray(i.kind) +
                "\nmetadata:\n  name: " + i.name + "\n";
        if (i.title) {
            yaml += "  title: " + QByteArray(i.title) + "\n";
        }
        yaml += "  description: " + QByteArray(i.description) + "\n  tags: [" + i.tags + "]\n";
        yaml += "  links:\n    - url: https://grafana.example.com/d/" + QByteArray(i.name) +
                "\n      title: Dashboard\n    - url: https://runbooks.example.com/" + i.name +
                "\n      title: Runbook\n";
        yaml += "  annotations:\n    github.com/project-slug: example/" + QByteArray(i.name) +
                "\n    backstage.io/techdocs-ref: dir:.\n";
        yaml += "spec:\n  type: " + QByteArray(i.type) + "\n";
        if (i.lifecycle) {
            yaml += "  lifecycle: " + QByteArray(i.lifecycle) + "\n";
        }
        yaml += "  owner: " + QByteArray(i.owner) + "\n";
        if (i.system) {
            yaml += "  system: " + QByteArray(i.system) + "\n";
        }
        if (*i.deps) {
            yaml += "  dependsOn: [" + QByteArray(i.deps) + "]\n";
        }
        if (QByteArray(i.name) == "checkout") {
            yaml += "  providesApis: [checkout-api]\n";
        }
        if (QByteArray(i.name) == "cart") {
            yaml += "  consumesApis: [checkout-api, accounts-api]\n";
        }
    }
    for (const char *system : {"payments", "storefront", "logistics", "identity", "data-platform"}) {
        yaml += "---\napiVersion: backstage.io/v1alpha1\nkind: System\nmetadata:\n  name: " + QByteArray(system) +
                "\n  description: The " + system + " system\nspec:\n  owner: team-platform\n  domain: commerce\n";
    }
    yaml += "---\napiVersion: backstage.io/v1alpha1\nkind: Domain\nmetadata:\n  name: commerce\n  description: "
            "Everything that sells\nspec:\n  owner: team-platform\n";
    for (const char *team :
         {"team-payments", "team-storefront", "team-logistics", "team-identity", "team-data", "team-platform"}) {
        yaml += "---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: " + QByteArray(team) +
                "\nspec:\n  type: team\n  children: []\n";
    }
    yaml += "---\napiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: ada\nspec:\n  profile:\n"
            "    displayName: Ada Lovelace\n  memberOf: [team-payments]\n";
    yaml += "---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: legacy-reports\n"
            "  description: Old <b>reporting</b> job\nspec:\n  type: service\n  lifecycle: deprecated\n"
            "  owner: team-finance\n  dependsOn: [component:reports-db]\n";
    return yaml;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        writeFile(QStringLiteral("catalog-info.yaml"), Gantry::Tests::sampleCatalogYaml());
        writeFile(QStringLiteral("README.md"), QByteArrayLiteral("# Checkout\n\nHow to **run** it.\n\n"
                                                                 "<script>alert(1)</script>\n"));
        m_catalog = Gantry::Tests::catalogFromYaml(Gantry::Tests::sampleCatalogYaml(), path("catalog-info.yaml"),
                                                   QStringLiteral("commit 1234abc of file:///catalog.git"));
        QCOMPARE(m_catalog->size(), 8);
    }

    void searchFiltersAsYouType()
    {
        Workspace::Settings settings(path("search.ini"));
        Ui::MainWindow window(nullptr, &settings);
        window.setCatalog(m_catalog);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QTableView *view = window.catalogTable()->view();
        QCOMPARE(view->model()->rowCount(), 8);
        QCOMPARE(window.catalogTable()->countLabel()->text(), QStringLiteral("8 entities"));

        QLineEdit *search = window.catalogTable()->searchEdit();
        QCOMPARE(search->placeholderText(), QStringLiteral("Search name, title, description, tags (Ctrl+F)"));
        QTest::keyClicks(search, QStringLiteral("checkout"));
        QCOMPARE(view->model()->rowCount(), 2);
        QCOMPARE(window.catalogTable()->countLabel()->text(), QStringLiteral("2 of 8 entities"));
        QTest::keyClicks(search, QStringLiteral(" service"));
        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("Checkout Service"));

        // Escape clears, and Ctrl+F comes back to the box.
        QTest::keyClick(search, Qt::Key_Escape);
        QCOMPARE(view->model()->rowCount(), 8);
        view->setFocus();
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(search->hasFocus());
    }

    void facetFilters()
    {
        Workspace::Settings settings(path("facets.ini"));
        Ui::MainWindow window(nullptr, &settings);
        window.setCatalog(m_catalog);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QListView *kinds = window.filterPanel()->facetView(Facet::Kind);
        QVERIFY(kinds->isVisible());
        const QModelIndex component = kinds->model()->index(1, 0);
        QCOMPARE(component.data().toString(), QStringLiteral("Component (3)"));
        // A click on the row's text toggles it, like a click on its box.
        QTest::mouseClick(kinds->viewport(), Qt::LeftButton, {}, kinds->visualRect(component).center());
        QCOMPARE(component.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QCOMPARE(window.proxy()->rowCount(), 3);
        QCOMPARE(window.catalogTable()->countLabel()->text(), QStringLiteral("3 of 8 entities"));
        QVERIFY(window.filterPanel()->clearButton()->isEnabled());

        // AND with the search.
        QTest::keyClicks(window.catalogTable()->searchEdit(), QStringLiteral("java"));
        QCOMPARE(window.proxy()->rowCount(), 2);

        QTest::mouseClick(window.filterPanel()->clearButton(), Qt::LeftButton);
        QCOMPARE(window.proxy()->rowCount(), 8);
        QVERIFY(window.catalogTable()->searchEdit()->text().isEmpty());
        QCOMPARE(component.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QVERIFY(!window.filterPanel()->clearButton()->isEnabled());
    }

    void openEntityFollowLinkAndGoBack()
    {
        Workspace::Settings settings(path("navigation.ini"));
        Ui::MainWindow window(nullptr, &settings);
        window.setCatalog(m_catalog);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(!window.backAction()->isEnabled());

        // Enter on a row opens the entity.
        QTableView *view = window.catalogTable()->view();
        const QModelIndex checkout = window.proxy()->indexOfRef(Checkout);
        QVERIFY(checkout.isValid());
        view->setFocus();
        view->setCurrentIndex(checkout);
        QTest::keyClick(view, Qt::Key_Return);
        Ui::EntityPage *page = window.entityPage();
        QCOMPARE(page->currentRef(), Checkout);
        QCOMPARE(page->titleLabel()->text(), QStringLiteral("Checkout Service"));

        // Catalog text is shown as text, unsafe links are not links, relations are in-app links.
        const QString html = page->overviewBrowser()->toHtml();
        QVERIFY(html.contains(QLatin1String("gantry:entity/resource:default/orders-db")));
        QVERIFY(html.contains(QLatin1String("https://example.com/checkout")));
        QVERIFY(!html.contains(QLatin1String("javascript:")));
        QVERIFY(page->overviewBrowser()->toPlainText().contains(QLatin1String("Depends on")));

        // Follow the relation to the database.
        Q_EMIT page->overviewBrowser()->anchorClicked(QUrl(QStringLiteral("gantry:entity/") + OrdersDb));
        QCOMPARE(page->currentRef(), OrdersDb);
        QCOMPARE(page->titleLabel()->text(), QStringLiteral("orders-db"));
        QVERIFY(window.backAction()->isEnabled());
        QVERIFY(!window.forwardAction()->isEnabled());
        QCOMPARE(view->currentIndex().data(Catalog::RefRole).toString(), OrdersDb);

        // Back with Alt+Left, forward with the action.
        QTest::keyClick(&window, Qt::Key_Left, Qt::AltModifier);
        QCOMPARE(page->currentRef(), Checkout);
        QVERIFY(window.forwardAction()->isEnabled());
        window.forwardAction()->trigger();
        QCOMPARE(page->currentRef(), OrdersDb);
        window.backAction()->trigger();
        QCOMPARE(page->currentRef(), Checkout);

        // A missing relation target is shown, greyed, not as a link.
        window.openEntity(Cart);
        QVERIFY(page->overviewBrowser()->toPlainText().contains(QLatin1String("not in catalog")));
        QVERIFY(!page->overviewBrowser()->toHtml().contains(QLatin1String("gantry:entity/component:default/missing")));
        QVERIFY(page->overviewBrowser()->toPlainText().contains(QLatin1String("The shopping cart <b>web</b>")));
        QVERIFY(!window.openEntity(QStringLiteral("component:default/nope")));
        QCOMPARE(page->currentRef(), Cart);
    }

    void tableSortedByNameFromTheFirstCatalog()
    {
        // A first start: no saved layout, the header says "sorted by Name" before any catalog.
        Workspace::Settings settings(path("sorted.ini"));
        Ui::MainWindow window(nullptr, &settings);
        QTableView *view = window.catalogTable()->view();
        QCOMPARE(view->horizontalHeader()->sortIndicatorSection(), int(Catalog::CatalogModel::NameColumn));
        QCOMPARE(view->horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
        window.setCatalog(m_catalog);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // Not the file's order (checkout, cart, checkout-api, ...).
        const QStringList expected = {QStringLiteral("cart"),         QStringLiteral("Checkout Service"),
                                      QStringLiteral("checkout-api"), QStringLiteral("Legacy Billing"),
                                      QStringLiteral("orders-db"),    QStringLiteral("shop"),
                                      QStringLiteral("team-a"),       QStringLiteral("team-b")};
        QCOMPARE(columnTexts(view->model(), Catalog::CatalogModel::NameColumn), expected);

        // The next snapshot (a refresh) keeps the sort, and so does one after the user's choice.
        window.setCatalog(Gantry::Tests::catalogFromYaml(showcaseYaml()));
        QStringList names = columnTexts(view->model(), Catalog::CatalogModel::NameColumn);
        QCOMPARE(names.size(), 34);
        QStringList sortedNames = names;
        std::sort(sortedNames.begin(), sortedNames.end(),
                  [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
        QCOMPARE(names, sortedNames);
        QVERIFY(names.first() != QStringLiteral("Checkout Service")); // the file's first entity

        view->sortByColumn(Catalog::CatalogModel::NameColumn, Qt::DescendingOrder);
        window.setCatalog(m_catalog);
        QStringList descending = expected;
        std::reverse(descending.begin(), descending.end());
        QCOMPARE(columnTexts(view->model(), Catalog::CatalogModel::NameColumn), descending);
    }

    void problemsDockOpensForErrorsOnly()
    {
        Workspace::Settings settings(path("problemsdock.ini"));
        Ui::MainWindow window(nullptr, &settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        Ui::ProblemsView *problems = window.problemsView();
        QAction *button = window.problemsAction();

        // A clean catalog: no dock taking room from the table, a calm button.
        window.setCatalog(Gantry::Tests::catalogFromYaml(CleanYaml));
        QVERIFY(!problems->isVisible());
        QCOMPARE(button->text(), QStringLiteral("No problems"));
        QVERIFY(sameIcon(button->icon(), Ui::Icons::noProblems()));
        QVERIFY(!button->isChecked());

        // Warnings only: the button says so, the dock stays closed.
        window.setCatalog(m_catalog);
        QVERIFY(!problems->isVisible());
        QCOMPARE(button->text(), QStringLiteral("1 warning"));
        QVERIFY(sameIcon(button->icon(), Ui::Icons::named(QStringLiteral("warning"))));

        // The first catalog with errors opens it.
        window.setCatalog(Gantry::Tests::catalogFromYaml(ErrorYaml));
        QVERIFY(problems->isVisible());
        QVERIFY(button->isChecked());
        QCOMPARE(button->text(), QStringLiteral("2 errors, 1 warning"));
        QVERIFY(sameIcon(button->icon(), Ui::Icons::named(QStringLiteral("error"))));
        // Errors first, although the warning comes first in the file.
        const QAbstractItemModel *rows = problems->view()->model();
        QCOMPARE(rows->rowCount(), 3);
        QCOMPARE(rows->index(0, 0).data(Catalog::SeverityIconRole).toString(), QStringLiteral("error"));
        QCOMPARE(rows->index(1, 0).data(Catalog::SeverityIconRole).toString(), QStringLiteral("error"));
        QCOMPARE(rows->index(2, 0).data(Catalog::SeverityIconRole).toString(), QStringLiteral("warning"));
        QVERIFY(rows->index(0, 0).data(Catalog::LineRole).toInt() < rows->index(1, 0).data(Catalog::LineRole).toInt());
        // It stays open while the catalog is clean again (it says "No problems" there)...
        window.setCatalog(Gantry::Tests::catalogFromYaml(CleanYaml));
        QVERIFY(problems->isVisible());
        QCOMPARE(button->text(), QStringLiteral("No problems"));

        // ...until the user closes it, and then errors do not bring it back.
        problems->close();
        QVERIFY(!problems->isVisible());
        QVERIFY(!button->isChecked());
        window.setCatalog(Gantry::Tests::catalogFromYaml(ErrorYaml));
        QVERIFY(!problems->isVisible());
        QCOMPARE(button->text(), QStringLiteral("2 errors, 1 warning"));

        // The button toggles the dock.
        button->trigger();
        QVERIFY(problems->isVisible());
        button->trigger();
        QVERIFY(!problems->isVisible());
    }

    void ownerNotInCatalogIsNoLink()
    {
        Workspace::Settings settings(path("owner.ini"));
        Ui::MainWindow window(nullptr, &settings);
        window.setCatalog(m_catalog);
        auto *owner = window.entityPage()->findChild<QLabel *>(QStringLiteral("entityOwner"));
        QVERIFY(owner);
        QVERIFY(window.openEntity(Cart));
        QVERIFY(owner->text().contains(QLatin1String("<a href")));
        QVERIFY(owner->toolTip().isEmpty());
        // A link there would only lead to "not in the catalog".
        window.setCatalog(Gantry::Tests::catalogFromYaml(ErrorYaml));
        QVERIFY(window.openEntity(QStringLiteral("component:default/a")));
        QVERIFY(owner->text().contains(QLatin1String("x")));
        QVERIFY(!owner->text().contains(QLatin1String("<a href")));
        QVERIFY(owner->toolTip().contains(QLatin1String("not in the catalog")));
    }

    void problemsDockStaysClosedAfterTheUserClosedIt()
    {
        Workspace::Settings settings(path("problemsclosed.ini"));
        Ui::MainWindow window(nullptr, &settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        Ui::ProblemsView *problems = window.problemsView();

        // Opened and closed from the View menu (Ctrl+6) before any error: the user has decided.
        problems->toggleViewAction()->trigger();
        QVERIFY(problems->isVisible());
        problems->toggleViewAction()->trigger();
        QVERIFY(!problems->isVisible());
        window.setCatalog(Gantry::Tests::catalogFromYaml(ErrorYaml));
        QVERIFY(!problems->isVisible());
        QCOMPARE(window.problemsAction()->text(), QStringLiteral("2 errors, 1 warning"));
    }

    void problemsDockFirstCatalogWithErrors()
    {
        // Errors in the very first catalog (given before the window shows, as from the cache).
        Workspace::Settings settings(path("problemsfirst.ini"));
        Ui::MainWindow window(nullptr, &settings);
        window.setCatalog(Gantry::Tests::catalogFromYaml(ErrorYaml));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.problemsView()->isVisible());
        // A few rows, not half the window.
        QVERIFY(window.problemsView()->height() < window.height() / 3);
    }

    void sourceAndDocs()
    {
        Workspace::Settings settings(path("source.ini"));
        Ui::MainWindow window(nullptr, &settings);
        window.setCatalog(m_catalog);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openEntity(QStringLiteral("api:default/checkout-api")));
        Ui::EntityPage *page = window.entityPage();

        page->setCurrentTab(Ui::EntityPage::SourceTab);
        const Catalog::Entity *api = m_catalog->entity(QStringLiteral("api:default/checkout-api"));
        // Numbered as in the file, from the document's first line (its "---" is left out).
        QCOMPARE(page->sourceView()->firstLineNumber(), api->location.line);
        QVERIFY(!page->sourceView()->toPlainText().startsWith(QLatin1String("---")));
        const QString source = page->sourceView()->toPlainText();
        QVERIFY(source.contains(QLatin1String("name: checkout-api")));
        QVERIFY(!source.contains(QLatin1String("name: cart"))); // only this entity's document
        QVERIFY(page->goToSourceLine(api->location.line + 2));
        QCOMPARE(page->sourceView()->textCursor().blockNumber(), 2);

        // Docs: README.md beside the catalog file; its raw HTML is not rendered.
        page->setCurrentTab(Ui::EntityPage::DocsTab);
        QVERIFY(page->hasDocs());
        QVERIFY(page->docsBrowser()->toPlainText().contains(QLatin1String("How to run it.")));
        QVERIFY(!page->docsBrowser()->toHtml().contains(QLatin1String("<script")));
    }

    void problemsDock()
    {
        Workspace::Settings settings(path("problems.ini"));
        Ui::MainWindow window(nullptr, &settings);
        window.setCatalog(m_catalog);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        Ui::ProblemsView *problems = window.problemsView();
        QVERIFY(!problems->isVisible()); // warnings only: the toolbar button says so
        QCOMPARE(problems->windowTitle(), QStringLiteral("Problems (1 warning)"));
        window.problemsAction()->trigger();
        QVERIFY(problems->isVisible());
        QTreeView *view = problems->view();
        QCOMPARE(view->model()->rowCount(), 1);

        // Activating the problem opens its entity at the line, on the Source tab.
        const QModelIndex first = view->model()->index(0, 0);
        const int line = first.data(Catalog::LineRole).toInt();
        view->setFocus();
        view->setCurrentIndex(first);
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(window.entityPage()->currentRef(), Cart);
        QCOMPARE(window.entityPage()->currentTab(), Ui::EntityPage::SourceTab);
        QCOMPARE(window.entityPage()->sourceView()->highlightedLine(), line);

        // A catalog with errors and warnings says both.
        window.setCatalog(Gantry::Tests::catalogFromYaml(
            QByteArrayLiteral("kind: Component\nmetadata:\n  name: a\nspec:\n  owner: x\n---\n"
                              "kind: Component\nmetadata:\n  name: a\n---\nkind: Component\nmetadata:\n  name: a\n")));
        QCOMPARE(problems->windowTitle(), QStringLiteral("Problems (2 errors, 1 warning)"));
        // The entity that was open is gone: the page says so instead of showing stale data.
        QVERIFY(!window.entityPage()->titleLabel()->isVisible());

        // A problem without an entity (a YAML syntax error) opens its file at the line.
        const QString broken = path("broken.yaml");
        writeFile(QStringLiteral("broken.yaml"), QByteArrayLiteral("kind: Component\nmetadata:\n  name: [oops\n"));
        window.setCatalog(
            Gantry::Tests::catalogFromYaml(QByteArrayLiteral("kind: Component\nmetadata:\n  name: [oops\n"), broken));
        QVERIFY(view->model()->rowCount() >= 1);
        const QModelIndex syntax = view->model()->index(0, 0);
        QVERIFY(syntax.data(Catalog::EntityRefRole).toString().isEmpty());
        view->setCurrentIndex(syntax);
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(window.entityPage()->currentFile(), broken);
        QCOMPARE(window.entityPage()->currentTab(), Ui::EntityPage::SourceTab);
        QVERIFY(window.entityPage()->sourceView()->toPlainText().contains(QLatin1String("[oops")));
        QCOMPARE(window.entityPage()->sourceView()->highlightedLine(), syntax.data(Catalog::LineRole).toInt());
        QVERIFY(!window.entityPage()->tabs()->isTabEnabled(Ui::EntityPage::OverviewTab));
    }

    void serviceSignals()
    {
        Workspace::Settings settings(path("service.ini"));
        Catalog::CatalogService service;
        Ui::MainWindow window(&service, &settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        Q_EMIT service.catalogChanged(m_catalog);
        QCOMPARE(window.proxy()->rowCount(), 8);
        auto *origin = window.findChild<QLabel *>(QStringLiteral("originLabel"));
        QVERIFY(origin);
        QCOMPARE(origin->text(), QStringLiteral("commit 1234abc of file:///catalog.git"));
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("entityCountLabel"))->text(), QStringLiteral("8 entities"));

        auto *cancel = window.findChild<QWidget *>(QStringLiteral("cancelButton"));
        QVERIFY(!cancel->isVisible());
        Q_EMIT service.busyChanged(true);
        Q_EMIT service.progress(3, 10, QStringLiteral("Parsing catalog-info.yaml"));
        QVERIFY(cancel->isVisible());
        Q_EMIT service.loadFailed(QStringLiteral("Cannot fetch file:///catalog.git: not found"));
        QVERIFY(window.banner()->isVisible());
        QVERIFY(window.banner()->text().contains(QLatin1String("not found")));
        QVERIFY(window.banner()->text().contains(QLatin1String("still shown")));
        Q_EMIT service.busyChanged(false);
        QVERIFY(!cancel->isVisible());
        QVERIFY(window.banner()->isVisible()); // stays until the user closes it or retries
        QCOMPARE(window.proxy()->rowCount(), 8);
    }

    void settingsRestore()
    {
        const QString ini = path("restore.ini");
        QList<int> sizes;
        {
            Workspace::Settings settings(ini);
            Ui::MainWindow window(nullptr, &settings);
            window.setCatalog(m_catalog);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.splitter()->setSizes({200, 500, 700});
            sizes = window.splitter()->sizes();
            window.catalogTable()->view()->setColumnHidden(Catalog::CatalogModel::TagsColumn, true);
            QVERIFY(window.openEntity(OrdersDb));
            window.close();
        }
        Workspace::Settings settings(ini);
        QCOMPARE(settings.lastPage(), OrdersDb);
        Ui::MainWindow window(nullptr, &settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.splitter()->sizes(), sizes);
        QVERIFY(window.catalogTable()->view()->isColumnHidden(Catalog::CatalogModel::TagsColumn));
        window.setCatalog(m_catalog);
        QCOMPARE(window.entityPage()->currentRef(), OrdersDb);
    }

    void largeCatalogStaysResponsive()
    {
        // The view, not only the proxy: typing into 20,000 rows with a sorted table.
        const Catalog::CatalogPtr catalog = Gantry::Tests::catalogFromYaml(Gantry::Tests::generatedCatalogYaml(20000));
        Workspace::Settings settings(path("large.ini"));
        Ui::MainWindow window(nullptr, &settings);
        window.setCatalog(catalog);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QLineEdit *search = window.catalogTable()->searchEdit();
        QElapsedTimer timer;
        timer.start();
        QTest::keyClicks(search, QStringLiteral("ledger shard 1"));
        for (int i = 0; i < 14; ++i) {
            QTest::keyClick(search, Qt::Key_Backspace);
        }
        QCoreApplication::processEvents();
        const double perKey = timer.elapsed() / 28.0;
        qInfo("%.1f ms per keystroke with the table", perKey);
        QCOMPARE(window.proxy()->rowCount(), 20000);
        QVERIFY2(perKey < 30, qPrintable(QString::number(perKey)));
    }

    void showcase()
    {
        // For looking at the window under Xvfb: GANTRY_SHOWCASE_MS=20000 QT_QPA_PLATFORM=xcb ...
        const int ms = qEnvironmentVariableIntValue("GANTRY_SHOWCASE_MS");
        if (ms <= 0) {
            QSKIP("set GANTRY_SHOWCASE_MS to show the window");
        }
        writeFile(QStringLiteral("showcase/catalog-info.yaml"), showcaseYaml());
        writeFile(QStringLiteral("showcase/README.md"),
                  QByteArrayLiteral("# Checkout Service\n\nTakes payments and places orders.\n\n## Running "
                                    "locally\n\n```\n./gradlew bootRun\n```\n\n- Port **8080**\n- Needs "
                                    "`orders-db`\n"));
        const auto catalog =
            Gantry::Tests::catalogFromYaml(showcaseYaml(), path("showcase/catalog-info.yaml"),
                                           QStringLiteral("commit 9f2c1e7 of git@example.com:org/catalog.git"));
        if (qEnvironmentVariableIsSet("GANTRY_SHOWCASE_DARK")) {
            QApplication::setStyle(QStringLiteral("Fusion"));
            QPalette dark;
            dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
            dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
            dark.setColor(QPalette::Base, QColor(0x1f, 0x21, 0x24));
            dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
            dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
            dark.setColor(QPalette::Button, QColor(0x33, 0x35, 0x3a));
            dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
            dark.setColor(QPalette::Highlight, QColor(0x3b, 0x6e, 0xd6));
            dark.setColor(QPalette::HighlightedText, Qt::white);
            dark.setColor(QPalette::Link, QColor(0x7a, 0xb0, 0xff));
            dark.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
            dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x88, 0x88, 0x88));
            dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x88, 0x88, 0x88));
            QApplication::setPalette(dark);
        }
        Workspace::Settings settings(path("showcase.ini"));
        Catalog::CatalogService service;
        Ui::MainWindow window(&service, &settings);
        window.setCatalog(catalog);
        window.resize(1600, 1000);
        window.show();
        window.openEntity(qEnvironmentVariable("GANTRY_SHOWCASE_ENTITY", Checkout));
        const QString tab = qEnvironmentVariable("GANTRY_SHOWCASE_TAB");
        if (tab == QLatin1String("source")) {
            window.entityPage()->goToSourceLine(window.catalog()->entity(Checkout)->startLine + 4);
        } else if (tab == QLatin1String("docs")) {
            window.entityPage()->setCurrentTab(Ui::EntityPage::DocsTab);
        }
        const QString search = qEnvironmentVariable("GANTRY_SHOWCASE_SEARCH");
        if (!search.isEmpty()) {
            window.catalogTable()->searchEdit()->setText(search);
        }
        if (qEnvironmentVariableIsSet("GANTRY_SHOWCASE_BUSY")) {
            Q_EMIT service.busyChanged(true);
            Q_EMIT service.progress(12, 40, QStringLiteral("Parsing services/checkout/catalog-info.yaml"));
            Q_EMIT service.loadFailed(
                QStringLiteral("Cannot fetch git@example.com:org/catalog.git: connection refused. Check the "
                               "network or the remote URL in gantry.yaml."));
        }
        QTest::qWait(ms);
    }

private:
    QString path(const char *name) const { return m_dir.filePath(QString::fromUtf8(name)); }
    void writeFile(const QString &name, const QByteArray &content)
    {
        QDir().mkpath(QFileInfo(m_dir.filePath(name)).absolutePath());
        QFile file(m_dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }

    QTemporaryDir m_dir;
    Catalog::CatalogPtr m_catalog;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
