#include "models/catalog/catalog.h"
#include "tests/unit/catalogtestutil.h"
#include "ui/entitypage.h"
#include "ui/graphcard.h"
#include "ui/graphcontrols.h"
#include "ui/graphoverview.h"
#include "ui/graphpage.h"
#include "ui/graphrunner.h"
#include "ui/graphsummary.h"
#include "ui/graphview.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Gantry;

namespace {

const QString Checkout = QStringLiteral("component:default/checkout");
const QString Cart = QStringLiteral("component:default/cart");
const QString OrdersDb = QStringLiteral("resource:default/orders-db");

// A chain web -> cart -> checkout -> payments -> orders-db, plus an API, so that depth matters.
QByteArray chainYaml()
{
    return QByteArrayLiteral(R"(apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: web
  title: Web Shop
spec:
  type: website
  lifecycle: production
  owner: team-a
  dependsOn: [component:cart]
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: cart
spec:
  type: service
  lifecycle: production
  owner: team-a
  dependsOn: [component:checkout]
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout
  title: Checkout Service
spec:
  type: service
  lifecycle: production
  owner: team-b
  dependsOn: [component:payments]
  providesApis: [checkout-api]
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments
spec:
  type: service
  lifecycle: experimental
  owner: team-b
  dependsOn: [resource:orders-db]
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: orders-db
spec:
  type: database
  owner: team-b
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: checkout-api
spec:
  type: openapi
  lifecycle: production
  owner: team-b
  definition: "openapi: 3.0.0"
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-a
spec:
  type: team
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-b
spec:
  type: team
  children: []
)");
}

// A hub with `count` dependants: one selection larger than any small threshold.
QByteArray hubYaml(int count)
{
    QByteArray yaml = "apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata:\n  name: hub-db\nspec:\n"
                      "  type: database\n  owner: team-a\n";
    for (int i = 0; i < count; ++i) {
        yaml += "---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: svc-" +
                QByteArray::number(i) +
                "\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n"
                "  dependsOn: [resource:hub-db]\n";
    }
    return yaml;
}

bool waitIdle(Ui::GraphPage &page)
{
    return QTest::qWaitFor([&page] { return !page.isBusy(); }, 10000);
}

} // namespace

class TestGraphPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void computeDirect();
    void focusDepthFindAndDoubleClick();
    void keepsPlaceWhenFiltersChange();
    void overThresholdOffersToNarrow();
    void exportsSvgPngDot();
    void entityPageGraphTab();
    void largeGraphEdgesStayDrawnAndHighlight();
};

void TestGraphPage::computeDirect()
{
    // Selection and layout without the page: the numbers every other test relies on.
    const auto catalog = Tests::catalogFromYaml(chainYaml());
    Catalog::GraphQuery q;
    q.focus = QStringList{Checkout};
    const Ui::GraphResult r = Ui::GraphRunner::compute(*catalog, q, Graph::LayoutInput::Direction::LeftRight, nullptr);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QVERIFY(r.drawing);
    QCOMPARE(int(r.drawing->nodes.size()), 4);
}

void TestGraphPage::focusDepthFindAndDoubleClick()
{
    Ui::GraphPage page;
    page.resize(1200, 800);
    page.setCatalog(Tests::catalogFromYaml(chainYaml()));
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    Ui::GraphView *view = page.view();
    QCOMPARE(view->nodeCount(), 0);

    // Focus by typing in the focus box.
    QLineEdit *focus = page.controls()->focusEdit();
    focus->setFocus();
    QTest::keyClicks(focus, QStringLiteral("component:checkout"));
    QTest::keyClick(focus, Qt::Key_Return);
    QTRY_COMPARE(page.focusRef(), Checkout);
    // Depth 1 over dependencies and APIs: cart, payments, checkout-api and the focus.
    QTRY_COMPARE(view->nodeCount(), 4);
    QVERIFY(waitIdle(page));
    QVERIFY(page.statusLabel()->text().contains(QStringLiteral("4 entities")));

    // A deeper selection shows more.
    page.controls()->depthSpin()->setValue(3);
    QTRY_COMPARE(view->nodeCount(), 6);
    QVERIFY(!view->nodeRect(QStringLiteral("component:default/web")).isNull());

    // Find: Ctrl+F, type, Enter selects the node and centres it.
    QTest::keyClick(&page, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(page.controls()->findEdit()->hasFocus());
    QTest::keyClicks(page.controls()->findEdit(), QStringLiteral("orders"));
    QTest::keyClick(page.controls()->findEdit(), Qt::Key_Return);
    QCOMPARE(view->selectedRef(), OrdersDb);
    QCOMPARE(page.summary()->ref(), OrdersDb);
    const QPoint centre = view->mapFromScene(view->nodeRect(OrdersDb).center());
    QVERIFY2((centre - view->viewport()->rect().center()).manhattanLength() <= 4,
             qPrintable(QStringLiteral("node at %1,%2").arg(centre.x()).arg(centre.y())));

    // A click elsewhere clears the selection; a click on a node selects it.
    const QPoint cartPos = view->mapFromScene(view->nodeRect(Cart).center());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cartPos);
    QCOMPARE(view->selectedRef(), Cart);

    // Double-click refocuses the graph on that node.
    QSignalSpy focusSpy(&page, &Ui::GraphPage::focusChanged);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cartPos);
    QCOMPARE(page.focusRef(), Cart);
    QCOMPARE(focusSpy.count(), 1);
    QVERIFY(page.controls()->focusEdit()->text().contains(Cart));
    QVERIFY(waitIdle(page));
    QTRY_VERIFY(view->drawing() && view->drawing()->nodes[size_t(view->drawing()->indexOf(Cart))].focus);

    // The summary's button asks to open the entity page.
    QSignalSpy openSpy(&page, &Ui::GraphPage::openEntityRequested);
    view->selectRef(Checkout);
    QTest::mouseClick(page.summary()->openButton(), Qt::LeftButton);
    QCOMPARE(openSpy.count(), 1);
    QCOMPARE(openSpy.at(0).at(0).toString(), Checkout);
}

void TestGraphPage::keepsPlaceWhenFiltersChange()
{
    Ui::GraphPage page;
    page.resize(1000, 700);
    page.setCatalog(Tests::catalogFromYaml(chainYaml()));
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(page.setFocusRef(Checkout));
    QTRY_COMPARE(page.view()->nodeCount(), 4);
    Ui::GraphView *view = page.view();
    view->zoomBy(1.5);
    const qreal zoom = view->zoom();
    const QPoint before = view->mapFromScene(view->nodeRect(Checkout).center());
    page.controls()->depthSpin()->setValue(2);
    QTRY_COMPARE(view->nodeCount(), 6);
    QCOMPARE(view->zoom(), zoom);
    const QPoint after = view->mapFromScene(view->nodeRect(Checkout).center());
    QVERIFY2(
        (after - before).manhattanLength() <= 3,
        qPrintable(QStringLiteral("%1,%2 -> %3,%4").arg(before.x()).arg(before.y()).arg(after.x()).arg(after.y())));
}

void TestGraphPage::overThresholdOffersToNarrow()
{
    Ui::GraphPage page;
    page.resize(1000, 700);
    page.setMaxNodes(20);
    page.setCatalog(Tests::catalogFromYaml(hubYaml(60)));
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(page.setFocusRef(QStringLiteral("resource:default/hub-db")));
    QTRY_VERIFY(page.view()->nodeCount() > 0);
    QVERIFY(waitIdle(page));
    QVERIFY(page.view()->nodeCount() <= 20);
    QVERIFY(page.narrowBar()->isVisible());
    const QString text = page.narrowBar()->findChild<QLabel *>()->text();
    QVERIFY2(text.contains(QStringLiteral("of 61")) && text.contains(QStringLiteral("narrow")), qPrintable(text));

    // A small enough selection says nothing of the kind.
    page.setMaxNodes(1500);
    QTRY_COMPARE(page.view()->nodeCount(), 61);
    QVERIFY(waitIdle(page));
    QVERIFY(!page.narrowBar()->isVisible());
}

void TestGraphPage::exportsSvgPngDot()
{
    Ui::GraphPage page;
    page.setCatalog(Tests::catalogFromYaml(chainYaml()));
    QString error;
    QTemporaryDir dir;
    QVERIFY(!page.exportTo(dir.filePath(QStringLiteral("none.svg")), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(page.setFocusRef(Checkout));
    QTRY_COMPARE(page.view()->nodeCount(), 4);
    for (const QString &name : {QStringLiteral("g.svg"), QStringLiteral("g.png"), QStringLiteral("g.dot")}) {
        const QString path = dir.filePath(name);
        QVERIFY2(page.exportTo(path, &error), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray data = f.readAll();
        QVERIFY(data.size() > 100);
        if (name.endsWith(QLatin1String("svg"))) {
            QVERIFY(data.contains("<svg"));
        } else if (name.endsWith(QLatin1String("png"))) {
            QVERIFY(data.startsWith("\x89PNG"));
        } else {
            QVERIFY(data.contains("digraph"));
        }
    }
    QVERIFY(!page.exportTo(dir.filePath(QStringLiteral("g.bmpx")), &error));
    QVERIFY(!page.exportTo(QStringLiteral("/nonexistent-dir/g.svg"), &error));
}

void TestGraphPage::entityPageGraphTab()
{
    Ui::EntityPage page;
    page.resize(900, 700);
    page.setCatalog(Tests::catalogFromYaml(chainYaml()));
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(page.showEntity(Checkout));
    page.setCurrentTab(Ui::EntityPage::GraphTab);
    Ui::GraphView *view = page.graphCard()->view();
    // Depth 1 over every relation: cart, payments, checkout-api, team-b and the entity.
    QTRY_COMPARE(view->nodeCount(), 5);
    QVERIFY(!view->nodeRect(QStringLiteral("group:default/team-b")).isNull());
    // Another entity's neighbourhood when it changes.
    QVERIFY(page.showEntity(OrdersDb));
    // orders-db, payments (depends on it) and team-b (owns it).
    QTRY_COMPARE(view->nodeCount(), 3);
    QVERIFY(!view->nodeRect(QStringLiteral("component:default/payments")).isNull());
    QVERIFY(view->nodeRect(Cart).isNull());

    QSignalSpy graphSpy(&page, &Ui::EntityPage::openInGraphPageRequested);
    auto *link = page.graphCard()->findChild<QLabel *>(QStringLiteral("graphCardLink"));
    QVERIFY(link);
    Q_EMIT link->linkActivated(QStringLiteral("graph"));
    QCOMPARE(graphSpy.count(), 1);
    QCOMPARE(graphSpy.at(0).at(0).toString(), OrdersDb);
}

namespace {
// How dark (0 black … 255 white) the darkest pixel is in the 5×5 square around a point.
int darkestAround(const QImage &image, QPoint at)
{
    int darkest = 255;
    for (int y = at.y() - 2; y <= at.y() + 2; ++y) {
        for (int x = at.x() - 2; x <= at.x() + 2; ++x) {
            if (image.rect().contains(x, y)) {
                darkest = std::min(darkest, qGray(image.pixel(x, y)));
            }
        }
    }
    return darkest;
}
} // namespace

void TestGraphPage::largeGraphEdgesStayDrawnAndHighlight()
{
    // More edges than get labels: the view draws them from cached geometry and tiles. Each one
    // must stay visible frame after frame at 1:1, and hovering a node must still highlight its edge.
    const auto catalog = Tests::catalogFromYaml(hubYaml(40));
    Catalog::GraphQuery q;
    q.focus = QStringList{QStringLiteral("resource:default/hub-db")};
    q.mode = Catalog::GraphQuery::Mode::BlastRadius;
    q.depth = -1;
    const Ui::GraphResult r = Ui::GraphRunner::compute(*catalog, q, Graph::LayoutInput::Direction::LeftRight, nullptr);
    QVERIFY2(r.drawing, qPrintable(r.error));
    QCOMPARE(int(r.drawing->edges.size()), 40);

    Ui::GraphView view;
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setDrawing(r.drawing, false);
    const QString svc = QStringLiteral("component:default/svc-20");
    view.centreOn(svc);
    view.zoomToActualSize();
    QCOMPARE(view.zoom(), 1.0);
    const int svcIndex = r.drawing->indexOf(svc);
    int edgeIndex = -1;
    for (int i = 0; i < int(r.drawing->edges.size()); ++i) {
        if (r.drawing->edges[size_t(i)].from == svcIndex) {
            edgeIndex = i;
        }
    }
    QVERIFY(edgeIndex >= 0);
    // A point on the curve a quarter of the way from svc-20 towards the hub.
    const QPointF onCurve = Graph::GraphPainter::edgeShape(r.drawing->edges[size_t(edgeIndex)]).pointAtPercent(0.25);
    const QPoint at = view.mapFromScene(onCurve);
    QVERIFY2(view.viewport()->rect().contains(at), "the edge is on screen");
    const QColor background = view.palette().color(QPalette::Base);
    QVERIFY(qGray(background.rgb()) > 200); // the test reads dark lines on a light background

    // First frame, then the same view again (from the tile cache), then after a pan there and back.
    for (int frame = 0; frame < 3; ++frame) {
        if (frame == 2) {
            view.panTo(view.mapToScene(view.viewport()->rect().center() + QPoint(300, 200)));
            view.viewport()->grab();
            view.centreOn(svc);
        }
        const QImage image = view.viewport()->grab().toImage();
        QVERIFY2(darkestAround(image, at) < 180, qPrintable(QStringLiteral("edge drawn in frame %1").arg(frame)));
    }

    // Hovering svc-20 paints its edge in the highlight blue over the dimmed rest.
    const QPoint node = view.mapFromScene(view.nodeRect(svc).center());
    QTest::mouseMove(view.viewport(), node);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QImage image = view.viewport()->grab().toImage();
            for (int y = at.y() - 2; y <= at.y() + 2; ++y) {
                for (int x = at.x() - 2; x <= at.x() + 2; ++x) {
                    const QColor c = image.pixelColor(x, y);
                    if (c.blue() > 180 && c.red() < 120) {
                        return true;
                    }
                }
            }
            return false;
        }(),
        5000);
}

QTEST_MAIN(TestGraphPage)
#include "tst_graphpage.moc"
