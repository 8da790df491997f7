// The ${{ }} expression language of Backstage templates: what template authors write must give
// the values they expect, errors must say what is wrong, and values must stay data.
#include "models/scaffold/expression.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using Gantry::Scaffold::Expression;

class TestExpression : public QObject
{
    Q_OBJECT

private:
    static QJsonObject context()
    {
        QJsonObject parameters{{QStringLiteral("name"), QStringLiteral("parcel-tracker")},
                               {QStringLiteral("owner"), QStringLiteral("group:default/team-fleet")},
                               {QStringLiteral("repoUrl"), QStringLiteral("github.com?owner=acme&repo=tracker")},
                               {QStringLiteral("replicas"), 3},
                               {QStringLiteral("dryRun"), false},
                               {QStringLiteral("tags"), QJsonArray{QStringLiteral("go"), QStringLiteral("http")}},
                               {QStringLiteral("empty"), QString()}};
        QJsonObject steps{
            {QStringLiteral("publish"),
             QJsonObject{{QStringLiteral("output"),
                          QJsonObject{{QStringLiteral("remoteUrl"), QStringLiteral("file:///git/x.git")}}}}}};
        return QJsonObject{{QStringLiteral("parameters"), parameters}, {QStringLiteral("steps"), steps}};
    }

    static QJsonValue render(const QString &text)
    {
        QString error;
        const QJsonValue v = Expression::renderString(text, context(), &error);
        if (!error.isEmpty()) {
            qWarning() << error;
        }
        return v;
    }

private Q_SLOTS:
    void renders_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QJsonValue>("expected");
        QTest::newRow("path") << "${{ parameters.name }}" << QJsonValue(QStringLiteral("parcel-tracker"));
        QTest::newRow("no spaces") << "${{parameters.name}}" << QJsonValue(QStringLiteral("parcel-tracker"));
        QTest::newRow("bracket step") << "${{ steps['publish'].output.remoteUrl }}"
                                      << QJsonValue(QStringLiteral("file:///git/x.git"));
        QTest::newRow("dot step") << "${{ steps.publish.output.remoteUrl }}"
                                  << QJsonValue(QStringLiteral("file:///git/x.git"));
        QTest::newRow("interpolated") << "This is ${{ parameters.name }}!"
                                      << QJsonValue(QStringLiteral("This is parcel-tracker!"));
        QTest::newRow("whole value keeps number") << "${{ parameters.replicas }}" << QJsonValue(3);
        QTest::newRow("whole value keeps bool") << "${{ parameters.dryRun }}" << QJsonValue(false);
        QTest::newRow("whole value keeps array")
            << "${{ parameters.tags }}" << QJsonValue(QJsonArray{QStringLiteral("go"), QStringLiteral("http")});
        QTest::newRow("number in text") << "n=${{ parameters.replicas }}" << QJsonValue(QStringLiteral("n=3"));
        QTest::newRow("arithmetic") << "${{ parameters.replicas * 3 + 1 }}" << QJsonValue(10);
        QTest::newRow("concat") << "${{ parameters.name + '/' + 'x' }}"
                                << QJsonValue(QStringLiteral("parcel-tracker/x"));
        QTest::newRow("strict not equal") << "${{ parameters.dryRun !== true }}" << QJsonValue(true);
        QTest::newRow("equal") << "${{ parameters.replicas == 3 }}" << QJsonValue(true);
        QTest::newRow("and or not") << "${{ not parameters.dryRun and (parameters.empty or 'x') }}"
                                    << QJsonValue(QStringLiteral("x"));
        QTest::newRow("inline if") << "${{ parameters.empty if parameters.empty else parameters.name }}"
                                   << QJsonValue(QStringLiteral("parcel-tracker"));
        QTest::newRow("missing is empty") << "[${{ parameters.nothing.deeper }}]" << QJsonValue(QStringLiteral("[]"));
        QTest::newRow("in") << "${{ 'go' in parameters.tags }}" << QJsonValue(true);
        QTest::newRow("parseRepoUrl") << "${{ (parameters.repoUrl | parseRepoUrl).repo }}"
                                      << QJsonValue(QStringLiteral("tracker"));
        QTest::newRow("projectSlug") << "${{ parameters.repoUrl | projectSlug }}"
                                     << QJsonValue(QStringLiteral("acme/tracker"));
        QTest::newRow("parseEntityRef pick")
            << "${{ parameters.owner | parseEntityRef | pick('name') }}" << QJsonValue(QStringLiteral("team-fleet"));
        QTest::newRow("parseEntityRef default kind")
            << "${{ 'team-a' | parseEntityRef({ defaultKind: 'group' }) | pick('kind') }}"
            << QJsonValue(QStringLiteral("group"));
        QTest::newRow("dump") << "${{ 'say \"hi\"' | dump }}" << QJsonValue(QStringLiteral("\"say \\\"hi\\\"\""));
        QTest::newRow("lower upper") << "${{ 'AbC' | lower }}${{ 'x' | upper }}" << QJsonValue(QStringLiteral("abcX"));
        QTest::newRow("replace") << "${{ 'a-b-c' | replace('-', '_') }}" << QJsonValue(QStringLiteral("a_b_c"));
        QTest::newRow("default") << "${{ parameters.nothing | default('fallback') }}"
                                 << QJsonValue(QStringLiteral("fallback"));
        QTest::newRow("join length") << "${{ parameters.tags | join(',') }}:${{ parameters.tags | length }}"
                                     << QJsonValue(QStringLiteral("go,http:2"));
        QTest::newRow("or list default") << "${{ parameters.nothing or [] }}" << QJsonValue(QJsonArray());
        QTest::newRow("two expressions") << "${{ parameters.name }}-${{ parameters.replicas }}"
                                         << QJsonValue(QStringLiteral("parcel-tracker-3"));
    }

    void renders()
    {
        QFETCH(QString, text);
        QFETCH(QJsonValue, expected);
        QCOMPARE(render(text), expected);
    }

    void valuesAreInert()
    {
        // Template syntax inside a value is data: it is never evaluated again.
        QJsonObject ctx{{QStringLiteral("parameters"),
                         QJsonObject{{QStringLiteral("evil"), QStringLiteral("${{ parameters.secret }} {{ name }}")},
                                     {QStringLiteral("secret"), QStringLiteral("TOPSECRET")}}}};
        QString error;
        const QJsonValue v = Expression::renderString(QStringLiteral("x ${{ parameters.evil }} y"), ctx, &error);
        QVERIFY(error.isEmpty());
        QCOMPARE(v.toString(), QStringLiteral("x ${{ parameters.secret }} {{ name }} y"));
        QVERIFY(!v.toString().contains(QLatin1String("TOPSECRET")));
    }

    void parseErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("messagePart");
        QTest::addColumn<int>("offset");
        QTest::newRow("unknown filter") << "parameters.name | shout"
                                        << "unknown filter \"shout\"" << 18;
        QTest::newRow("dangling operator") << "parameters.name +"
                                           << "expected a value" << 17;
        QTest::newRow("unclosed string") << "'abc"
                                         << "not closed" << 0;
        QTest::newRow("function call") << "parameters.name()"
                                       << "function calls" << 15;
        QTest::newRow("bad character") << "parameters.name # x"
                                       << "unexpected character" << 16;
        QTest::newRow("unbalanced") << "(parameters.name"
                                    << "expected \")\"" << 16;
    }

    void parseErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, messagePart);
        QFETCH(int, offset);
        QString error;
        int at = -1;
        const Expression e = Expression::parse(text, &error, &at);
        QVERIFY(!e.isValid());
        QVERIFY2(error.contains(messagePart), qPrintable(error));
        QCOMPARE(at, offset);
    }

    void checkFindsEveryExpression()
    {
        QString error;
        int offset = 0;
        QVERIFY(Expression::check(QStringLiteral("a ${{ parameters.x }} b ${{ steps.y | pick('z') }}"), &error));
        QVERIFY(!Expression::check(QStringLiteral("ok ${{ parameters.x }} then ${{ x | nope }}"), &error, &offset));
        QVERIFY(error.contains(QLatin1String("nope")));
        QVERIFY(offset > 20);
        QVERIFY(!Expression::check(QStringLiteral("${{ parameters.x "), &error));
    }

    void deepNestingIsRefusedNotCrashing()
    {
        const QString text = QString(500, QLatin1Char('(')) + QStringLiteral("1") + QString(500, QLatin1Char(')'));
        QString error;
        QVERIFY(!Expression::parse(text, &error).isValid());
        QVERIFY(error.contains(QLatin1String("nested")));
    }

    void hugeResultsAreRefused()
    {
        QJsonObject ctx{{QStringLiteral("v"), QString(3 * 1024 * 1024, QLatin1Char('x'))}};
        QString error;
        Expression::renderString(QStringLiteral("${{ v + v }}"), ctx, &error);
        QVERIFY(error.contains(QLatin1String("larger")));
    }

    void filterTypeErrorsAreReported()
    {
        QString error;
        Expression::renderString(QStringLiteral("${{ 'not a url' | parseRepoUrl }}"), {}, &error);
        QVERIFY2(error.contains(QLatin1String("parseRepoUrl")), qPrintable(error));
        error.clear();
        Expression::renderString(QStringLiteral("${{ 'a:b:c/' | parseEntityRef }}"), {}, &error);
        QVERIFY2(error.contains(QLatin1String("parseEntityRef")), qPrintable(error));
    }

    void truthiness()
    {
        QVERIFY(!Expression::isTruthy(QJsonValue(QJsonValue::Undefined)));
        QVERIFY(!Expression::isTruthy(QJsonValue(QJsonValue::Null)));
        QVERIFY(!Expression::isTruthy(QString()));
        QVERIFY(!Expression::isTruthy(0));
        QVERIFY(!Expression::isTruthy(QJsonArray()));
        QVERIFY(Expression::isTruthy(QStringLiteral("0")));
        QVERIFY(Expression::isTruthy(QJsonObject()));
    }
};

QTEST_GUILESS_MAIN(TestExpression)
#include "tst_expression.moc"
