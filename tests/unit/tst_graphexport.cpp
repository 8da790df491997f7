// The exports of a laid-out graph: DOT that Graphviz can read, JSON with every node's position
// and every edge's path, SVG that parses as XML and names every node, and a PNG-ready image with
// something drawn where each node is. Painting text needs a QGuiApplication: QTEST_MAIN gives one
// (on the offscreen platform CTest sets).
#include "models/graph/graphdrawing.h"
#include "tests/unit/catalogtestutil.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

using namespace Gantry;
using namespace Gantry::Graph;
using Catalog::GraphSelection;
using Catalog::RelationType;
using Direction = LayoutInput::Direction;

namespace {

// A title with everything XML and DOT must escape.
QByteArray catalogYaml()
{
    return Tests::sampleCatalogYaml() + QByteArrayLiteral(R"(---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: odd
  title: 'R&D <"Ops"> \ x'
spec:
  type: tool
  lifecycle: production
  owner: team-a
)");
}

GraphSelection sampleSelection(const Catalog::Catalog &catalog)
{
    const QStringList refs = {
        QStringLiteral("component:default/checkout"),
        QStringLiteral("component:default/cart"),
        QStringLiteral("api:default/checkout-api"),
        QStringLiteral("resource:default/orders-db"),
        QStringLiteral("system:default/shop"),
        QStringLiteral("group:default/team-a"),
        QStringLiteral("component:default/missing-thing"),
        QStringLiteral("component:default/odd"),
    };
    GraphSelection s;
    for (const QString &ref : refs) {
        Catalog::GraphNode n;
        n.ref = ref;
        n.entity = catalog.indexOf(ref);
        n.focus = n.ref == refs.first();
        s.nodes.push_back(n);
    }
    s.edges = {
        {0, 3, RelationType::DependsOn, true},    {3, 0, RelationType::DependsOn, true},
        {0, 2, RelationType::ProvidesApi, false}, {1, 2, RelationType::ConsumesApi, false},
        {1, 6, RelationType::DependsOn, false},   {0, 4, RelationType::PartOf, false},
        {0, 5, RelationType::OwnedBy, false},     {5, 0, RelationType::OwnerOf, false},
        {1, 0, RelationType::DependsOn, false},   {1, 0, RelationType::ConsumesApi, false},
        {7, 5, RelationType::OwnedBy, false},
    };
    s.nodes[0].inCycle = s.nodes[3].inCycle = true;
    s.matched = int(refs.size());
    return s;
}

// Counts `open` and `close` outside DOT's double-quoted strings; false on an unterminated string.
bool balancedOutsideStrings(const QString &dot, QChar open, QChar close)
{
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < dot.size(); ++i) {
        const QChar c = dot[i];
        if (inString) {
            if (c == QLatin1Char('\\')) {
                ++i;
            } else if (c == QLatin1Char('"')) {
                inString = false;
            }
        } else if (c == QLatin1Char('"')) {
            inString = true;
        } else if (c == open) {
            ++depth;
        } else if (c == close && --depth < 0) {
            return false;
        }
    }
    return depth == 0 && !inString;
}

QString dotQuoted(const QString &s)
{
    QString e = s;
    e.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + e + QLatin1Char('"');
}

bool isWhite(QRgb p)
{
    return qRed(p) == 255 && qGreen(p) == 255 && qBlue(p) == 255;
}

} // namespace

class TestGraphExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void json();
    void dot_data();
    void dot();
    void dotPositions();
    void svgParsesAndNamesEveryNode();
    void svgOfAnEmptyGraph();
    void image();
    void imageScale();
    void paintStates();

private:
    Catalog::CatalogPtr m_catalog;
    GraphDrawing m_drawing;
};

void TestGraphExport::initTestCase()
{
    m_catalog = Tests::catalogFromYaml(catalogYaml());
    QVERIFY(m_catalog->entity(QStringLiteral("component:default/odd")));
    m_drawing = layOutSelection(*m_catalog, sampleSelection(*m_catalog), Direction::LeftRight);
    QCOMPARE(m_drawing.nodes.size(), size_t(8));
    QCOMPARE(m_drawing.edges.size(), size_t(11));
    QCOMPARE(m_drawing.nodes[7].title, QStringLiteral("R&D <\"Ops\"> \\ x"));
}

void TestGraphExport::json()
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(GraphExport::toJson(m_drawing), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject root = doc.object();
    QCOMPARE(root.value(QStringLiteral("direction")).toString(), QStringLiteral("LR"));
    QCOMPARE(root.value(QStringLiteral("truncated")).toBool(true), false);
    QVERIFY(root.value(QStringLiteral("bounds")).toObject().value(QStringLiteral("width")).toDouble() > 0);

    const QJsonArray nodes = root.value(QStringLiteral("nodes")).toArray();
    QCOMPARE(nodes.size(), qsizetype(m_drawing.nodes.size()));
    QSet<QString> refs;
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        const QJsonObject n = nodes[i].toObject();
        const DrawnNode &expected = m_drawing.nodes[size_t(i)];
        QCOMPARE(n.value(QStringLiteral("ref")).toString(), expected.ref);
        QCOMPARE(n.value(QStringLiteral("title")).toString(), expected.title);
        QCOMPARE(n.value(QStringLiteral("kind")).toString(), expected.kind);
        QCOMPARE(n.value(QStringLiteral("owner")).toString(), expected.owner);
        QCOMPARE(n.value(QStringLiteral("missing")).toBool(), expected.missing);
        QCOMPARE(n.value(QStringLiteral("focus")).toBool(), expected.focus);
        QCOMPARE(n.value(QStringLiteral("inCycle")).toBool(), expected.inCycle);
        for (const char *key : {"x", "y", "width", "height"}) {
            QVERIFY2(n.value(QLatin1String(key)).isDouble(), key);
        }
        const QRectF rect(n.value(QStringLiteral("x")).toDouble(), n.value(QStringLiteral("y")).toDouble(),
                          n.value(QStringLiteral("width")).toDouble(), n.value(QStringLiteral("height")).toDouble());
        QVERIFY(std::abs(rect.x() - expected.rect.x()) <= 0.01);
        QVERIFY(std::abs(rect.y() - expected.rect.y()) <= 0.01);
        QVERIFY(rect.width() >= 120 && rect.height() >= 48);
        refs.insert(expected.ref);
    }
    const QJsonArray edges = root.value(QStringLiteral("edges")).toArray();
    QCOMPARE(edges.size(), qsizetype(m_drawing.edges.size()));
    for (qsizetype i = 0; i < edges.size(); ++i) {
        const QJsonObject e = edges[i].toObject();
        const DrawnEdge &expected = m_drawing.edges[size_t(i)];
        QCOMPARE(e.value(QStringLiteral("from")).toString(), m_drawing.nodes[size_t(expected.from)].ref);
        QCOMPARE(e.value(QStringLiteral("to")).toString(), m_drawing.nodes[size_t(expected.to)].ref);
        QCOMPARE(e.value(QStringLiteral("type")).toString(), expected.label);
        QCOMPARE(e.value(QStringLiteral("inCycle")).toBool(), expected.inCycle);
        const QJsonArray path = e.value(QStringLiteral("path")).toArray();
        QVERIFY(path.size() >= 2);
        QCOMPARE(path.size(), qsizetype(expected.path.size()));
        for (const QJsonValue &p : path) {
            QCOMPARE(p.toArray().size(), 2);
            QVERIFY(p.toArray()[0].isDouble() && p.toArray()[1].isDouble());
        }
    }
    // The same drawing gives the same bytes (the command line's output is stable).
    QCOMPARE(GraphExport::toJson(m_drawing), GraphExport::toJson(m_drawing));
}

void TestGraphExport::dot_data()
{
    QTest::addColumn<Direction>("direction");
    QTest::addColumn<QString>("rankdir");
    QTest::newRow("LR") << Direction::LeftRight << QStringLiteral("rankdir=LR");
    QTest::newRow("TB") << Direction::TopBottom << QStringLiteral("rankdir=TB");
}

void TestGraphExport::dot()
{
    QFETCH(Direction, direction);
    QFETCH(QString, rankdir);
    const GraphDrawing drawing = layOutSelection(*m_catalog, sampleSelection(*m_catalog), direction);
    const QString dot = QString::fromUtf8(GraphExport::toDot(drawing));
    QVERIFY(dot.startsWith(QLatin1String("digraph ")));
    QVERIFY(dot.contains(rankdir));
    QVERIFY(balancedOutsideStrings(dot, QLatin1Char('{'), QLatin1Char('}')));
    QVERIFY(balancedOutsideStrings(dot, QLatin1Char('['), QLatin1Char(']')));
    for (const DrawnNode &node : drawing.nodes) {
        QVERIFY2(dot.contains(QStringLiteral("    ") + dotQuoted(node.ref) + QStringLiteral(" [label=")),
                 qPrintable(node.ref));
    }
    for (const DrawnEdge &edge : drawing.edges) {
        const QString statement = dotQuoted(drawing.nodes[size_t(edge.from)].ref) + QStringLiteral(" -> ") +
                                  dotQuoted(drawing.nodes[size_t(edge.to)].ref) + QStringLiteral(" [label=\"") +
                                  edge.label + QLatin1Char('"');
        QVERIFY2(dot.contains(statement), qPrintable(statement));
    }
    QCOMPARE(dot.count(QStringLiteral(" -> ")), qsizetype(drawing.edges.size()));
    // Quotes and backslashes in a title are escaped; the kind picks the shape; missing is dashed.
    QVERIFY(dot.contains(QStringLiteral("label=\"R&D <\\\"Ops\\\"> \\\\ x\\nComponent · team-a\"")));
    QVERIFY(dot.contains(QStringLiteral("shape=cylinder")));
    QVERIFY(dot.contains(QStringLiteral("shape=hexagon")));
    QVERIFY(dot.contains(QStringLiteral("style=\"dashed\"")));
    QVERIFY(!dot.contains(QStringLiteral("pos=")));
}

void TestGraphExport::dotPositions()
{
    const QString dot = QString::fromUtf8(GraphExport::toDot(m_drawing, true));
    QCOMPARE(dot.count(QStringLiteral("pos=\"")), qsizetype(m_drawing.nodes.size()));
    QVERIFY(balancedOutsideStrings(dot, QLatin1Char('{'), QLatin1Char('}')));
}

void TestGraphExport::svgParsesAndNamesEveryNode()
{
    QByteArray svg;
    QBuffer buffer(&svg);
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QString error;
    QVERIFY2(GraphExport::toSvg(m_drawing, &buffer, &error), qPrintable(error));
    QVERIFY(!svg.isEmpty());

    QXmlStreamReader xml(svg);
    QString viewBox;
    QString documentTitle;
    QStringList texts;
    QStringList titles;
    QSet<QString> nodeIds;
    QString inText;
    int depth = 0;
    int textDepth = -1;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            ++depth;
            if (xml.name() == QLatin1String("svg") && depth == 1) {
                viewBox = xml.attributes().value(QLatin1String("viewBox")).toString();
            } else if (xml.name() == QLatin1String("text")) {
                textDepth = depth;
                inText.clear();
            } else if (xml.name() == QLatin1String("title")) {
                const QString t = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                --depth;
                if (depth == 1) {
                    documentTitle = t;
                }
                titles << t;
            } else if (xml.name() == QLatin1String("g") &&
                       xml.attributes().value(QLatin1String("class")) == QLatin1String("node")) {
                nodeIds.insert(xml.attributes().value(QLatin1String("id")).toString());
            }
        } else if (xml.isCharacters() && textDepth >= 0) {
            inText += xml.text();
        } else if (xml.isEndElement()) {
            if (depth == textDepth) {
                texts << inText;
                textDepth = -1;
            }
            --depth;
        }
    }
    QVERIFY2(!xml.hasError(),
             qPrintable(xml.errorString() + QStringLiteral(" at line ") + QString::number(xml.lineNumber())));
    QCOMPARE(documentTitle, QStringLiteral("Gantry service graph"));
    const QRectF area = GraphExport::area(m_drawing);
    QCOMPARE(viewBox.split(QLatin1Char(' ')).size(), 4);
    QCOMPARE(viewBox.split(QLatin1Char(' '))[0].toDouble(), area.x());
    QCOMPARE(viewBox.split(QLatin1Char(' '))[2].toDouble(), area.width());

    for (size_t i = 0; i < m_drawing.nodes.size(); ++i) {
        const DrawnNode &node = m_drawing.nodes[i];
        // Its title is drawn as text (these titles are short enough not to be elided) ...
        QVERIFY2(texts.contains(node.title),
                 qPrintable(node.title + QStringLiteral(" not in ") + texts.join(QStringLiteral(" | "))));
        QVERIFY2(texts.contains(node.subtitle()), qPrintable(node.subtitle()));
        // ... and the node is a group named by its ref.
        QVERIFY(nodeIds.contains(QStringLiteral("node-") + QString::number(i)));
        QVERIFY2(titles.contains(node.ref), qPrintable(node.ref));
    }
    for (const DrawnEdge &edge : m_drawing.edges) {
        QVERIFY2(texts.contains(edge.label), qPrintable(edge.label));
    }
}

void TestGraphExport::svgOfAnEmptyGraph()
{
    QByteArray svg;
    QBuffer buffer(&svg);
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(GraphExport::toSvg(GraphDrawing(), &buffer));
    QXmlStreamReader xml(svg);
    while (!xml.atEnd()) {
        xml.readNext();
    }
    QVERIFY(!xml.hasError());

    // A device that is not open for writing is an error, not a crash.
    QBuffer closed;
    QString error;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not open for writing")));
    QVERIFY(!GraphExport::toSvg(m_drawing, &closed, &error));
    QVERIFY(!error.isEmpty());
}

void TestGraphExport::image()
{
    const QImage image = GraphExport::toImage(m_drawing);
    QVERIFY(!image.isNull());
    QVERIFY(image.hasAlphaChannel());
    const QRectF area = GraphExport::area(m_drawing);
    QCOMPARE(image.size(), area.size().toSize());
    // White background, something drawn at every node's centre and along every edge.
    QVERIFY(isWhite(image.pixel(0, 0)));
    QCOMPARE(qAlpha(image.pixel(0, 0)), 255);
    QVERIFY(isWhite(image.pixel(image.width() - 1, image.height() - 1)));
    for (const DrawnNode &node : m_drawing.nodes) {
        const QPoint p = (node.rect.center() - area.topLeft()).toPoint();
        QVERIFY2(!isWhite(image.pixel(p)), qPrintable(node.ref));
    }
    for (const DrawnEdge &edge : m_drawing.edges) {
        const QPointF onCurve = GraphPainter::edgeShape(edge).pointAtPercent(0.2) - area.topLeft();
        bool drawn = false;
        for (int dx = -1; dx <= 1; ++dx) {
            for (int dy = -1; dy <= 1; ++dy) {
                drawn = drawn || !isWhite(image.pixel(onCurve.toPoint() + QPoint(dx, dy)));
            }
        }
        QVERIFY2(drawn, qPrintable(edge.label));
    }
}

void TestGraphExport::imageScale()
{
    const QImage one = GraphExport::toImage(m_drawing, 1.0);
    const QImage two = GraphExport::toImage(m_drawing, 2.0);
    QVERIFY(std::abs(two.width() - 2 * one.width()) <= 1);
    QVERIFY(std::abs(two.height() - 2 * one.height()) <= 1);
    // Never larger than the cap, however large the scale.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("too large for an image")));
    const QImage huge = GraphExport::toImage(m_drawing, 1000.0);
    QVERIFY(!huge.isNull());
    QVERIFY(std::max(huge.width(), huge.height()) <= GraphExport::maxImageSide());
    QVERIFY(!GraphExport::toImage(GraphDrawing()).isNull());
}

void TestGraphExport::paintStates()
{
    // One node painted as the scene would: dimmed is fainter, selected has a halo outside its box.
    DrawnNode node = m_drawing.nodes[0];
    node.rect.moveTopLeft(QPointF(20, 20));
    const auto render = [&node](quint8 state) {
        QImage image(QSize(int(node.rect.right()) + 20, int(node.rect.bottom()) + 20), QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        GraphPainter::paintNode(&painter, node, state);
        return image;
    };
    const auto darkness = [](const QImage &image) {
        qint64 sum = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                sum += 255 - qGray(image.pixel(x, y));
            }
        }
        return sum;
    };
    const QImage normal = render(GraphPainter::Normal);
    QVERIFY(darkness(render(GraphPainter::Dimmed)) < darkness(normal) / 2);
    const QPoint outside = node.rect.topLeft().toPoint() + QPoint(node.rect.width() / 2, -3);
    QVERIFY(isWhite(normal.pixel(outside)));
    QVERIFY(!isWhite(render(GraphPainter::Selected).pixel(outside)));
    QVERIFY(!isWhite(render(GraphPainter::Hovered).pixel(outside)));
}

QTEST_MAIN(TestGraphExport)
#include "tst_graphexport.moc"
