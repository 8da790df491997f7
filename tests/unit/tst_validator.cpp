// Validator: Backstage's default field rules (names, namespaces, labels, annotations, tags, links,
// apiVersion, kind), required spec fields per kind, JSON types, and the exact messages with the
// line and column a person needs to fix the descriptor.
#include "models/catalog/validator.h"

#include <QTest>

#include <ctime>

using namespace Gantry::Catalog;

namespace {

const QString file = QStringLiteral("catalog-info.yaml");

// Parses one YAML document and validates it; returns the problems as "LINE:COL: severity: message".
QStringList validate(const QByteArray &yaml, bool *ok = nullptr)
{
    std::vector<Problem> parseProblems;
    const auto tree = YamlTree::parse(yaml, file, &parseProblems);
    if (!parseProblems.empty() || tree->documents().size() != 1) {
        return {
            QStringLiteral("YAML did not parse: %1").arg(parseProblems.empty() ? QString() : parseProblems[0].message)};
    }
    const Entity entity = Entity::fromDocument(tree, 0, file);
    std::vector<Problem> problems;
    const bool valid = Validator::validate(entity, &problems);
    if (ok) {
        *ok = valid;
    }
    QStringList lines;
    for (const auto &p : problems) {
        if (p.location.file != file || p.entityRef != entity.ref) {
            lines << QStringLiteral("wrong file or entityRef: %1 %2").arg(p.location.file, p.entityRef);
        }
        lines << QStringLiteral("%1:%2: %3: %4")
                     .arg(p.location.line)
                     .arg(p.location.column)
                     .arg(p.isError() ? QStringLiteral("error") : QStringLiteral("warning"), p.message);
    }
    return lines;
}

// A valid component whose metadata and spec blocks are replaced by the row's text.
QByteArray component(const char *metadata,
                     const char *spec = "  type: website\n  lifecycle: production\n  owner: team-a\n")
{
    return QByteArray("apiVersion: backstage.io/v1alpha1\n"
                      "kind: Component\n"
                      "metadata:\n") +
           metadata + "spec:\n" + spec;
}

QByteArray entity(const char *kind, const char *spec, const char *apiVersion = "backstage.io/v1alpha1")
{
    return QByteArray("apiVersion: ") + apiVersion + "\nkind: " + kind + "\nmetadata:\n  name: x\nspec:\n" + spec;
}

} // namespace

class TestValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
    void validEntities_data();
    void validEntities();
    void problems_data();
    void problems();
    void unknownKindIsKeptWithWarning();
    void problemCarriesEntityRefAndFile();
    void performance();
};

void TestValidator::rules_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");

    auto row = [](const char *rule, const QString &value, bool valid) {
        QTest::addRow("%s %s", rule, qPrintable(value.left(40))) << QString::fromLatin1(rule) << value << valid;
    };
    const QString c63 = QString(63, QLatin1Char('a'));
    const QString c64 = QString(64, QLatin1Char('a'));

    // metadata.name: ^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$, 1-63
    row("name", QStringLiteral("a"), true);
    row("name", QStringLiteral("A"), true);
    row("name", QStringLiteral("7"), true);
    row("name", QStringLiteral("artist-web"), true);
    row("name", QStringLiteral("Artist_Web.v2"), true);
    row("name", QStringLiteral("a--b"), true); // the regex allows runs of separators
    row("name", QStringLiteral("a._b"), true);
    row("name", c63, true);
    row("name", c64, false);
    row("name", QString(), false);
    row("name", QStringLiteral("-a"), false);
    row("name", QStringLiteral("a-"), false);
    row("name", QStringLiteral("_a"), false);
    row("name", QStringLiteral("a."), false);
    row("name", QStringLiteral("-"), false);
    row("name", QStringLiteral("invalid component"), false);
    row("name", QStringLiteral("a/b"), false);
    row("name", QStringLiteral("a:b"), false);
    row("name", QStringLiteral("caf\u00e9"), false);

    // namespace: DNS label ^[a-z0-9]+(-[a-z0-9]+)*$, 1-63
    row("namespace", QStringLiteral("default"), true);
    row("namespace", QStringLiteral("team-a-1"), true);
    row("namespace", QStringLiteral("0"), true);
    row("namespace", c63, true);
    row("namespace", c64, false);
    row("namespace", QString(), false);
    row("namespace", QStringLiteral("Default"), false);
    row("namespace", QStringLiteral("a--b"), false);
    row("namespace", QStringLiteral("-a"), false);
    row("namespace", QStringLiteral("a-"), false);
    row("namespace", QStringLiteral("a_b"), false);
    row("namespace", QStringLiteral("a.b"), false);

    // tags: ^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$, 1-63
    row("tag", QStringLiteral("java"), true);
    row("tag", QStringLiteral("c++"), true);
    row("tag", QStringLiteral("c#"), true);
    row("tag", QStringLiteral("lang:go"), true);
    row("tag", QStringLiteral("go-1-15"), true);
    row("tag", c63, true);
    row("tag", c64, false);
    row("tag", QString(), false);
    row("tag", QStringLiteral("Java"), false);
    row("tag", QStringLiteral("go 1.15.3"), false);
    row("tag", QStringLiteral("go1.15"), false);
    row("tag", QStringLiteral("a--b"), false);
    row("tag", QStringLiteral("-a"), false);
    row("tag", QStringLiteral("a-"), false);
    row("tag", QStringLiteral("a_b"), false);

    // label keys: [DNS subdomain "/"] object name
    row("labelKey", QStringLiteral("category"), true);
    row("labelKey", QStringLiteral("backstage.io/kubernetes-id"), true);
    row("labelKey", QStringLiteral("example.com/Some_Key.1"), true);
    row("labelKey", QStringLiteral("a.b.c/x"), true);
    row("labelKey", QString(), false);
    row("labelKey", QStringLiteral("/x"), false);
    row("labelKey", QStringLiteral("example.com/"), false);
    row("labelKey", QStringLiteral("a/b/c"), false);
    row("labelKey", QStringLiteral("Example.com/x"), false);
    row("labelKey", QStringLiteral("example..com/x"), false);
    row("labelKey", QStringLiteral("example.com/-x"), false);
    row("labelKey", QStringLiteral("has space"), false);
    row("labelKey", QString(253, QLatin1Char('a')).replace(62, 1, QLatin1Char('.')) + QStringLiteral("/x"), false);
    row("annotationKey", QStringLiteral("backstage.io/techdocs-ref"), true);
    row("annotationKey", QStringLiteral("github.com/project-slug"), true);
    row("annotationKey", QStringLiteral("jenkins.io/job-full-name"), true);
    row("annotationKey", QStringLiteral("a/b/c"), false);
    row("annotationKey", QStringLiteral("backstage.io/"), false);

    // label values: "" or an object name
    row("labelValue", QString(), true);
    row("labelValue", QStringLiteral("music"), true);
    row("labelValue", QStringLiteral("go1.15.3"), true);
    row("labelValue", QStringLiteral("go 1.15.3"), false);
    row("labelValue", QStringLiteral("a/b"), false);
    row("labelValue", c64, false);

    // apiVersion: [DNS subdomain "/"] [a-zA-Z0-9]{1,63}
    row("apiVersion", QStringLiteral("backstage.io/v1alpha1"), true);
    row("apiVersion", QStringLiteral("scaffolder.backstage.io/v1beta3"), true);
    row("apiVersion", QStringLiteral("v1"), true);
    row("apiVersion", QStringLiteral("backstage.io/v1-alpha1"), false);
    row("apiVersion", QStringLiteral("backstage.io/"), false);
    row("apiVersion", QStringLiteral("Backstage.io/v1alpha1"), false);
    row("apiVersion", QStringLiteral("a/b/c"), false);
    row("apiVersion", QString(), false);

    // links[].url: what WHATWG `new URL(value)` accepts
    row("url", QStringLiteral("https://admin.example.com/a?b=c#d"), true);
    row("url", QStringLiteral("HTTP://Example.com"), true);
    row("url", QStringLiteral("http:example.com"), true); // special schemes do not need the slashes
    row("url", QStringLiteral("https://user:pw@example.com:8443/x"), true);
    row("url", QStringLiteral("http://[::1]:8080/"), true);
    row("url", QStringLiteral("  https://example.com  "), true); // surrounding spaces are trimmed
    row("url", QStringLiteral("mailto:team@example.com"), true);
    row("url", QStringLiteral("slack://channel?id=1"), true);
    row("url", QStringLiteral("file:///etc/hosts"), true);
    row("url", QStringLiteral("localhost:3000"), true); // "localhost" reads as a scheme
    row("url", QStringLiteral("https://b\u00fccher.example/"), true);
    row("url", QString(), false);
    row("url", QStringLiteral("www.example.com"), false);
    row("url", QStringLiteral("/docs/index.html"), false);
    row("url", QStringLiteral("https://"), false);
    row("url", QStringLiteral("https://?q=1"), false);
    row("url", QStringLiteral("https://exa mple.com"), false);
    row("url", QStringLiteral("https://example.com:99999"), false);
    row("url", QStringLiteral("https://example.com:8a"), false);
    row("url", QStringLiteral("http://[::1"), false);
    row("url", QStringLiteral("1http://example.com"), false);
    row("url", QStringLiteral(":foo"), false);

    // kind: ^[a-zA-Z][a-z0-9A-Z]*$, 1-63
    row("kind", QStringLiteral("Component"), true);
    row("kind", QStringLiteral("API"), true);
    row("kind", QStringLiteral("x1"), true);
    row("kind", c63, true);
    row("kind", c64, false);
    row("kind", QStringLiteral("1x"), false);
    row("kind", QStringLiteral("My-Kind"), false);
    row("kind", QString(), false);
}

void TestValidator::rules()
{
    QFETCH(QString, rule);
    QFETCH(QString, value);
    QFETCH(bool, valid);
    bool actual = !valid;
    if (rule == QLatin1String("name")) {
        actual = Validator::isValidObjectName(value);
    } else if (rule == QLatin1String("namespace")) {
        actual = Validator::isValidNamespace(value);
    } else if (rule == QLatin1String("tag")) {
        actual = Validator::isValidTag(value);
    } else if (rule == QLatin1String("labelKey")) {
        actual = Validator::isValidLabelKey(value);
    } else if (rule == QLatin1String("annotationKey")) {
        actual = Validator::isValidAnnotationKey(value);
    } else if (rule == QLatin1String("labelValue")) {
        actual = Validator::isValidLabelValue(value);
    } else if (rule == QLatin1String("apiVersion")) {
        actual = Validator::isValidApiVersion(value);
    } else if (rule == QLatin1String("kind")) {
        actual = Validator::isValidKind(value);
    } else if (rule == QLatin1String("url")) {
        actual = Validator::isValidUrl(value);
    } else {
        QFAIL("unknown rule");
    }
    QCOMPARE(actual, valid);
}

void TestValidator::validEntities_data()
{
    QTest::addColumn<QByteArray>("yaml");

    QTest::newRow("component, full metadata")
        << component("  name: artist-web\n"
                     "  namespace: music-1\n"
                     "  title: Artist Web\n"
                     "  description: The place to be\n"
                     "  labels:\n"
                     "    example.com/tier: gold\n"
                     "    empty: \"\"\n"
                     "  annotations:\n"
                     "    backstage.io/techdocs-ref: dir:.\n"
                     "    github.com/project-slug: acme/artist-web\n"
                     "    backstage.io/orphan: 'true'\n"
                     "  tags: [java, c++, 'lang:go', data-2]\n"
                     "  links:\n"
                     "    - url: https://admin.example.com/x?y=1#z\n"
                     "      title: Admin Dashboard\n"
                     "      icon: dashboard\n"
                     "      type: admin-dashboard\n"
                     "    - url: mailto:team@example.com\n"
                     "    - url: http://localhost:3000\n"
                     "    - url: https://[::1]:8080/\n",
                     "  type: website\n"
                     "  lifecycle: production\n"
                     "  owner: group:default/team-a\n"
                     "  system: {kind: System, name: artist-engagement}\n"
                     "  providesApis: [artist-api]\n"
                     "  consumesApis: []\n"
                     "  dependsOn: ['resource:artists-db', {kind: component, name: x}]\n"
                     "  dependencyOf: []\n"
                     "  somethingCustom: 42\n");
    QTest::newRow("api") << entity("API", "  type: openapi\n  lifecycle: production\n  owner: team-a\n"
                                          "  definition: |\n    openapi: 3.0.0\n");
    QTest::newRow("api v1beta1") << entity("API", "  type: grpc\n  lifecycle: x\n  owner: team-a\n  definition: x\n",
                                           "backstage.io/v1beta1");
    QTest::newRow("mcp-server api: remotes instead of a definition")
        << entity("API", "  type: mcp-server\n  lifecycle: experimental\n  owner: team-a\n  remotes:\n"
                         "    - type: streamable-http\n      url: http://localhost:7007/api/mcp/v1\n");
    QTest::newRow("resource") << entity("Resource",
                                        "  type: database\n  owner: team-a\n  dependsOn: ['component:a']\n");
    QTest::newRow("system") << entity("System", "  owner: team-a\n  domain: audio\n");
    QTest::newRow("domain") << entity("Domain", "  owner: team-a\n  subdomainOf: media\n");
    QTest::newRow("group, empty children") << entity("Group", "  type: team\n  children: []\n  profile:\n"
                                                              "    displayName: Team A\n");
    QTest::newRow("user, empty memberOf") << entity("User", "  memberOf: []\n");
    QTest::newRow("location, empty spec") << entity("Location", "  {}\n");
    QTest::newRow("location") << entity("Location", "  type: url\n  targets:\n    - ./a.yaml\n    - ./b.yaml\n");
    QTest::newRow("template") << entity("Template", "  type: service\n  owner: team-a\n  parameters: []\n  steps: []\n",
                                        "scaffolder.backstage.io/v1beta3");
    QTest::newRow("name 63 characters") << component(
        "  name: a23456789012345678901234567890123456789012345678901234567890123\n");
}

void TestValidator::validEntities()
{
    QFETCH(QByteArray, yaml);
    bool ok = false;
    const QStringList problems = validate(yaml, &ok);
    QCOMPARE(problems, QStringList());
    QVERIFY(ok);
}

void TestValidator::problems_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("expected");

    // --- metadata.name (line 4 is "  name: ...", the value starts in column 9)
    QTest::newRow("name with space")
        << component("  name: invalid component\n")
        << QStringList{QStringLiteral("4:9: error: metadata.name \"invalid component\" is not valid; expected a string "
                                      "of at most 63 characters [a-zA-Z0-9] separated by [-_.], e.g. "
                                      "\"invalid-component\"")};
    QTest::newRow("name too long")
        << component("  name: a234567890123456789012345678901234567890123456789012345678901234\n")
        << QStringList{
               QStringLiteral("4:9: error: metadata.name "
                              "\"a234567890123456789012345678901234567890123456789012345678901234\" is not "
                              "valid; expected a string of at most 63 characters [a-zA-Z0-9] separated by "
                              "[-_.], e.g. \"a23456789012345678901234567890123456789012345678901234567890123\"")};
    QTest::newRow("name leading dash")
        << component("  name: -web_\n")
        << QStringList{QStringLiteral("4:9: error: metadata.name \"-web_\" is not valid; expected a string of at most "
                                      "63 characters [a-zA-Z0-9] separated by [-_.], e.g. \"web\"")};
    QTest::newRow("name missing") << component("  title: x\n")
                                  << QStringList{QStringLiteral(
                                         "4:3: error: metadata.name is required; set it to the entity's name, e.g. "
                                         "\"name: my-service\"")};
    QTest::newRow("name null") << component("  name:\n")
                               << QStringList{QStringLiteral(
                                      "4:8: error: metadata.name is required; set it to the entity's name, e.g. "
                                      "\"name: my-service\"")};
    QTest::newRow("name is a number")
        << component("  name: 1234\n")
        << QStringList{QStringLiteral("4:9: error: metadata.name must be a string, got number; put it in quotes: "
                                      "\"1234\"")};
    QTest::newRow("name quoted number is fine") << component("  name: '1234'\n") << QStringList();
    QTest::newRow("name is a list") << component("  name: [a]\n")
                                    << QStringList{
                                           QStringLiteral("4:9: error: metadata.name must be a string, got array")};

    // --- namespace
    QTest::newRow("namespace upper case")
        << component("  name: a\n  namespace: Team_A\n")
        << QStringList{QStringLiteral("5:14: error: metadata.namespace \"Team_A\" is not valid; expected a string of "
                                      "at most 63 characters [a-z0-9] separated by [-], e.g. \"team-a\"")};
    QTest::newRow("namespace empty") << component("  name: a\n  namespace:\n")
                                     << QStringList{QStringLiteral(
                                            "5:13: error: metadata.namespace is empty; remove it or set it, e.g. "
                                            "\"namespace: default\"")};

    // --- metadata shape
    QTest::newRow("metadata not an object")
        << QByteArray("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: artist-web\nspec:\n"
                      "  type: a\n  lifecycle: b\n  owner: c\n")
        << QStringList{QStringLiteral("3:11: error: metadata must be an object, got string; indent name, namespace, "
                                      "title and the other metadata fields under \"metadata:\"")};
    QTest::newRow("metadata missing")
        << QByteArray("apiVersion: backstage.io/v1alpha1\nkind: Component\nspec:\n  type: a\n  lifecycle: b\n"
                      "  owner: c\n")
        << QStringList{QStringLiteral("1:1: error: metadata is required; add a \"metadata:\" section with at least a "
                                      "name, e.g. \"name: my-service\"")};
    QTest::newRow("description not a string")
        << component("  name: a\n  description:\n    text: x\n")
        << QStringList{QStringLiteral("6:5: error: metadata.description must be a string, got object")};
    QTest::newRow("title is a number")
        << component("  name: a\n  title: 2024\n")
        << QStringList{QStringLiteral("5:10: error: metadata.title must be a string, got number; put it in quotes: "
                                      "\"2024\"")};

    // --- labels and annotations
    QTest::newRow("label key and value")
        << component("  name: a\n  labels:\n    goVersion: go 1.15.3\n    Bad Key: x\n    v: 1.5\n")
        << QStringList{
               QStringLiteral("6:16: error: metadata.labels.goVersion value \"go 1.15.3\" is not valid; expected \"\" "
                              "or a string of at most 63 characters [a-zA-Z0-9] separated by [-_.], e.g. "
                              "\"go-1.15.3\""),
               QStringLiteral("7:5: error: metadata.labels key \"Bad Key\" is not valid; expected an optional "
                              "DNS-subdomain prefix and \"/\", then at most 63 characters [a-zA-Z0-9] separated by "
                              "[-_.], e.g. \"Bad-Key\""),
               QStringLiteral("8:8: error: metadata.labels.v must be a string, got number; put it in quotes: \"1.5\"")};
    QTest::newRow("annotation key with two slashes, boolean value")
        << component("  name: a\n  annotations:\n    a/b/c: x\n    backstage.io/orphan: true\n")
        << QStringList{
               QStringLiteral("6:5: error: metadata.annotations key \"a/b/c\" is not valid; expected an optional "
                              "DNS-subdomain prefix and \"/\", then at most 63 characters [a-zA-Z0-9] separated by "
                              "[-_.]"),
               QStringLiteral("7:26: error: metadata.annotations.backstage.io/orphan must be a string, got boolean; "
                              "put it in quotes: \"true\"")};
    QTest::newRow("annotation key with upper-case prefix")
        << component("  name: a\n  annotations:\n    GitHub.com/project-slug: x\n")
        << QStringList{QStringLiteral("6:5: error: metadata.annotations key \"GitHub.com/project-slug\" is not valid; "
                                      "expected an optional DNS-subdomain prefix and \"/\", then at most 63 characters "
                                      "[a-zA-Z0-9] separated by [-_.], e.g. \"github.com/project-slug\"")};
    QTest::newRow("annotation value any string")
        << component("  name: a\n  annotations:\n    x: 'any text / at all'\n") << QStringList();
    QTest::newRow("labels is a list") << component("  name: a\n  labels: [a]\n")
                                      << QStringList{QStringLiteral(
                                             "5:11: error: metadata.labels must be an object, got array")};

    // --- tags
    QTest::newRow("tags")
        << component("  name: a\n  tags:\n    - go\n    - go 1.15.3\n    - Java\n    - 2024\n")
        << QStringList{
               QStringLiteral("7:7: error: metadata.tags[1] \"go 1.15.3\" is not valid; expected a string of "
                              "at most 63 characters [a-z0-9:+#] separated by [-], e.g. \"go-1-15-3\""),
               QStringLiteral("8:7: error: metadata.tags[2] \"Java\" is not valid; expected a string of at most "
                              "63 characters [a-z0-9:+#] separated by [-], e.g. \"java\""),
               QStringLiteral("9:7: error: metadata.tags[3] must be a string, got number; put it in quotes: "
                              "\"2024\"")};
    QTest::newRow("tags not a list") << component("  name: a\n  tags: java\n")
                                     << QStringList{QStringLiteral(
                                            "5:9: error: metadata.tags must be a list, got string; write it as a list: "
                                            "\"tags: [java]\"")};

    // --- links
    QTest::newRow("link without url")
        << component("  name: a\n  links:\n    - title: Docs\n")
        << QStringList{QStringLiteral("6:7: error: metadata.links[0].url is required; set it to an absolute URL, e.g. "
                                      "\"url: https://example.com\"")};
    QTest::newRow("link relative url")
        << component("  name: a\n  links:\n    - url: www.example.com/docs\n")
        << QStringList{QStringLiteral("6:12: error: metadata.links[0].url \"www.example.com/docs\" is not a valid URL; "
                                      "write an absolute URL with a scheme, e.g. \"https://www.example.com/docs\"")};
    QTest::newRow("link https without host")
        << component("  name: a\n  links:\n    - url: https://\n")
        << QStringList{QStringLiteral("6:12: error: metadata.links[0].url \"https://\" is not a valid URL; write an "
                                      "absolute URL with a scheme, e.g. \"https://example.com/path\"")};
    QTest::newRow("link host with space")
        << component("  name: a\n  links:\n    - url: https://exa mple.com\n")
        << QStringList{QStringLiteral("6:12: error: metadata.links[0].url \"https://exa mple.com\" is not a valid "
                                      "URL; write an absolute URL with a scheme, e.g. \"https://example.com/path\"")};
    QTest::newRow("link bad port")
        << component("  name: a\n  links:\n    - url: http://example.com:99999/\n")
        << QStringList{QStringLiteral("6:12: error: metadata.links[0].url \"http://example.com:99999/\" is not a valid "
                                      "URL; write an absolute URL with a scheme, e.g. \"https://example.com/path\"")};
    QTest::newRow("link title blank, icon invalid, type empty")
        << component("  name: a\n  links:\n    - url: https://x.io\n      title: '  '\n      icon: my icon\n"
                     "      type: ''\n")
        << QStringList{
               QStringLiteral("7:14: error: metadata.links[0].title must not be blank; remove it or write some text"),
               QStringLiteral("8:13: error: metadata.links[0].icon \"my icon\" is not valid; expected a string of at "
                              "most 63 characters [a-zA-Z0-9] separated by [-_.], e.g. \"my-icon\""),
               QStringLiteral("9:13: error: metadata.links[0].type must not be an empty string; remove it or give it a "
                              "value")};
    QTest::newRow("link is a string")
        << component("  name: a\n  links:\n    - https://x.io\n")
        << QStringList{
               QStringLiteral("6:7: error: metadata.links[0] must be an object with a url, got string; write it "
                              "as \"- url: https://…\" with optional title, icon and type")};

    // --- root
    QTest::newRow("relations and status in a descriptor")
        << QByteArray("apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: a\nspec:\n  memberOf: []\n"
                      "relations: []\nstatus: {}\nowner: x\n")
        << QStringList{QStringLiteral("7:1: error: relations must not be written in a descriptor file; the catalog "
                                      "derives them from spec (e.g. spec.owner), so remove this field"),
                       QStringLiteral("8:1: error: status must not be written in a descriptor file; the catalog sets "
                                      "it, so remove this field"),
                       QStringLiteral("9:1: error: unknown root field \"owner\"; an entity has only apiVersion, kind, "
                                      "metadata and spec at the top level: move it under spec (or "
                                      "metadata.annotations) or remove it")};
    QTest::newRow("apiVersion missing") << QByteArray("kind: User\nmetadata:\n  name: a\nspec:\n  memberOf: []\n")
                                        << QStringList{QStringLiteral(
                                               "1:1: error: apiVersion is required; set it, e.g. \"apiVersion: "
                                               "backstage.io/v1alpha1\"")};
    QTest::newRow("apiVersion invalid")
        << entity("User", "  memberOf: []\n", "backstage.io/v1 alpha1")
        << QStringList{QStringLiteral("1:13: error: apiVersion \"backstage.io/v1 alpha1\" is not valid; expected an "
                                      "optional DNS-subdomain prefix, \"/\" and a version of at most 63 characters "
                                      "[a-zA-Z0-9], e.g. \"backstage.io/v1alpha1\"")};
    QTest::newRow("apiVersion of another kind")
        << entity("Template", "  type: service\n  steps: []\n", "backstage.io/v1beta2")
        << QStringList{QStringLiteral("1:13: error: apiVersion \"backstage.io/v1beta2\" is not supported for kind "
                                      "Template, so Backstage rejects this entity; use "
                                      "\"scaffolder.backstage.io/v1beta3\"")};
    QTest::newRow("kind missing") << QByteArray("apiVersion: backstage.io/v1alpha1\nmetadata:\n  name: a\n")
                                  << QStringList{QStringLiteral(
                                         "1:1: error: kind is required; set it to the entity's kind, e.g. \"kind: "
                                         "Component\"")};
    QTest::newRow("kind invalid")
        << entity("My-Kind", "  x: 1\n")
        << QStringList{
               QStringLiteral("2:7: error: kind \"My-Kind\" is not valid; expected a letter followed by at most "
                              "62 letters or digits [a-zA-Z0-9], e.g. \"MyKind\"")};
    QTest::newRow("kind in the wrong case")
        << entity("component", "  type: a\n  lifecycle: b\n  owner: c\n")
        << QStringList{QStringLiteral("2:7: error: kind \"component\" must be written \"Component\"; Backstage's kinds "
                                      "are case-sensitive and it rejects this entity")};

    // --- spec: required fields per kind (line 5 "spec:", the spec mapping starts on line 6, column 3)
    QTest::newRow("component without owner")
        << component("  name: a\n", "  type: service\n  lifecycle: production\n")
        << QStringList{QStringLiteral("6:3: error: spec.owner is required for kind Component; set it to the owning "
                                      "group, e.g. \"owner: team-a\"")};
    QTest::newRow("component with empty owner, type and lifecycle")
        << component("  name: a\n", "  type:\n  lifecycle: ''\n  owner: \"\"\n")
        << QStringList{QStringLiteral("6:8: error: spec.type is required for kind Component; set it to the entity's "
                                      "type, e.g. \"type: service\""),
                       QStringLiteral("7:14: error: spec.lifecycle must not be an empty string; remove it or give it a "
                                      "value"),
                       QStringLiteral("8:10: error: spec.owner must not be an empty string; remove it or name an "
                                      "entity")};
    QTest::newRow("component without spec")
        << QByteArray("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\n")
        << QStringList{QStringLiteral("1:1: error: spec is required for kind Component; add \"spec:\" with type, "
                                      "lifecycle, owner")};
    QTest::newRow("spec is a list") << component("  name: a\n", "  - type: service\n")
                                    << QStringList{QStringLiteral("6:3: error: spec must be an object, got array")};
    QTest::newRow("api without definition")
        << entity("API", "  type: openapi\n  lifecycle: production\n  owner: team-a\n")
        << QStringList{QStringLiteral("6:3: error: spec.definition is required for kind API; set it to the API's "
                                      "definition, or load it from a file with \"$text: ./openapi.yaml\"")};
    QTest::newRow("api all missing")
        << entity("API", "  system: s\n")
        << QStringList{
               QStringLiteral("6:3: error: spec.type is required for kind API; set it to the entity's type, e.g. "
                              "\"type: openapi\""),
               QStringLiteral("6:3: error: spec.lifecycle is required for kind API; set it, e.g. \"lifecycle: "
                              "production\""),
               QStringLiteral("6:3: error: spec.owner is required for kind API; set it to the owning group, e.g. "
                              "\"owner: team-a\""),
               QStringLiteral("6:3: error: spec.definition is required for kind API; set it to the API's definition, "
                              "or load it from a file with \"$text: ./openapi.yaml\"")};
    QTest::newRow("mcp-server api without remotes")
        << entity("API", "  type: mcp-server\n  lifecycle: experimental\n  owner: team-a\n")
        << QStringList{
               QStringLiteral("6:3: error: spec.remotes is required for an API of type mcp-server; list the "
                              "server's endpoints, each with a type and a url, e.g. \"- type: streamable-http\" "
                              "and \"url: https://example.com/mcp\"")};
    QTest::newRow("mcp-server api remote without url")
        << entity("API", "  type: mcp-server\n  lifecycle: experimental\n  owner: team-a\n  remotes:\n"
                         "    - type: sse\n")
        << QStringList{QStringLiteral("10:7: error: spec.remotes[0].url is required; set it")};
    QTest::newRow("resource without type")
        << entity("Resource", "  owner: team-a\n")
        << QStringList{QStringLiteral("6:3: error: spec.type is required for kind Resource; set it to the entity's "
                                      "type, e.g. \"type: database\"")};
    QTest::newRow("system without owner")
        << entity("System", "  domain: d\n")
        << QStringList{QStringLiteral("6:3: error: spec.owner is required for kind System; set it to the owning group, "
                                      "e.g. \"owner: team-a\"")};
    QTest::newRow("domain without owner")
        << entity("Domain", "  type: product-area\n")
        << QStringList{QStringLiteral("6:3: error: spec.owner is required for kind Domain; set it to the owning group, "
                                      "e.g. \"owner: team-a\"")};
    QTest::newRow("group without children")
        << entity("Group", "  type: team\n")
        << QStringList{QStringLiteral("6:3: error: spec.children is required for kind Group; list the child groups, or "
                                      "write \"children: []\" if there are none")};
    QTest::newRow("group children null")
        << entity("Group", "  type: team\n  children:\n")
        << QStringList{QStringLiteral("7:12: error: spec.children is required for kind Group; list the child groups, "
                                      "or write \"children: []\" if there are none")};
    QTest::newRow("user without memberOf")
        << entity("User", "  profile: {displayName: A}\n")
        << QStringList{QStringLiteral("6:3: error: spec.memberOf is required for kind User; list the user's groups, or "
                                      "write \"memberOf: []\" if there are none")};
    QTest::newRow("location without spec")
        << QByteArray("apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: a\n")
        << QStringList{QStringLiteral("1:1: error: spec is required for kind Location; add \"spec:\" with a target, "
                                      "e.g. \"target: ./catalog-info.yaml\"")};
    QTest::newRow("location targets not a list")
        << entity("Location", "  targets: ./a.yaml\n")
        << QStringList{QStringLiteral("6:12: error: spec.targets must be a list of strings, got string; write it as a "
                                      "list: \"targets: [./a.yaml]\"")};
    QTest::newRow("template without steps")
        << entity("Template", "  type: service\n", "scaffolder.backstage.io/v1beta3")
        << QStringList{QStringLiteral("6:3: error: spec.steps is required for kind Template; list the steps the "
                                      "template runs, each with an id and an action")};
    QTest::newRow("template steps not a list")
        << entity("Template", "  type: service\n  steps: {}\n", "scaffolder.backstage.io/v1beta3")
        << QStringList{QStringLiteral("7:10: error: spec.steps must be a list, got object")};

    // --- spec: JSON types
    QTest::newRow("providesApis is a string")
        << component("  name: a\n", "  type: a\n  lifecycle: b\n  owner: c\n  providesApis: petstore\n")
        << QStringList{QStringLiteral("9:17: error: spec.providesApis must be a list of entity references, got string; "
                                      "write it as a list: \"providesApis: [petstore]\"")};
    QTest::newRow("dependsOn items of the wrong type")
        << component("  name: a\n", "  type: a\n  lifecycle: b\n  owner: c\n  dependsOn:\n    - component:x\n"
                                    "    - 42\n    - [a]\n    -\n    - {namespace: x}\n")
        << QStringList{QStringLiteral("11:7: error: spec.dependsOn[1] must be an entity reference, got number; put it "
                                      "in quotes: \"42\""),
                       QStringLiteral("12:7: error: spec.dependsOn[2] must be an entity reference, got array"),
                       QStringLiteral("13:6: error: spec.dependsOn[3] is empty; remove it or name an entity"),
                       QStringLiteral("14:7: error: spec.dependsOn[4] is a compound entity reference without a name; "
                                      "write it as {kind, namespace, name} or as a string \"kind:namespace/name\"")};
    QTest::newRow("owner is a list") << component("  name: a\n", "  type: a\n  lifecycle: b\n  owner: [team-a]\n")
                                     << QStringList{QStringLiteral(
                                            "8:10: error: spec.owner must be an entity reference, got array")};
    QTest::newRow("type is a boolean") << component("  name: a\n", "  type: true\n  lifecycle: b\n  owner: c\n")
                                       << QStringList{QStringLiteral(
                                              "6:9: error: spec.type must be a string, got boolean; put it in quotes: "
                                              "\"true\"")};
    QTest::newRow("group profile not an object")
        << entity("Group", "  type: team\n  children: []\n  profile: Team A\n")
        << QStringList{QStringLiteral("8:12: error: spec.profile must be an object, got string")};
    QTest::newRow("empty lists and objects are null, which Backstage rejects")
        << component("  name: a\n  labels:\n  tags:\n", "  type: a\n  lifecycle: b\n  owner: c\n  dependsOn:\n")
        << QStringList{QStringLiteral("5:10: error: metadata.labels is empty; remove it or write \"labels: {}\""),
                       QStringLiteral("6:8: error: metadata.tags is empty; remove it or write \"tags: []\""),
                       QStringLiteral("11:13: error: spec.dependsOn is empty; remove it or write \"dependsOn: []\"")};
    QTest::newRow("empty group profile")
        << entity("Group", "  type: team\n  children: []\n  profile:\n")
        << QStringList{QStringLiteral("8:11: error: spec.profile is empty; remove it or write \"profile: {}\"")};
    QTest::newRow("several problems are all reported")
        << QByteArray("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: bad name\n"
                      "  tags: [Bad]\nspec:\n  type: service\n  lifecycle: production\n")
        << QStringList{QStringLiteral("5:10: error: metadata.tags[0] \"Bad\" is not valid; expected a string of at "
                                      "most 63 characters [a-z0-9:+#] separated by [-], e.g. \"bad\""),
                       QStringLiteral("4:9: error: metadata.name \"bad name\" is not valid; expected a string of at "
                                      "most 63 characters [a-zA-Z0-9] separated by [-_.], e.g. \"bad-name\""),
                       QStringLiteral("7:3: error: spec.owner is required for kind Component; set it to the owning "
                                      "group, e.g. \"owner: team-a\"")};
    QTest::newRow("document is not an object")
        << QByteArray("- a\n- b\n")
        << QStringList{QStringLiteral("1:1: error: the document is a value of type array, not an object; a catalog "
                                      "entity is a mapping with apiVersion, kind, metadata and spec")};
}

void TestValidator::problems()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, expected);
    bool ok = true;
    const QStringList actual = validate(yaml, &ok);
    QCOMPARE(actual, expected);
    QCOMPARE(ok, expected.isEmpty());
}

void TestValidator::unknownKindIsKeptWithWarning()
{
    bool ok = false;
    const QStringList actual = validate(entity("AiResource", "  type: skill\n  anything: [1, 2]\n"), &ok);
    QCOMPARE(actual,
             QStringList{QStringLiteral("2:7: warning: kind AiResource is not one of Backstage's built-in kinds "
                                        "(Component, API, Resource, System, Domain, Group, User, Location, Template); "
                                        "the entity is kept but no relations are derived")});
    QVERIFY(ok);

    // The metadata rules still apply to unknown kinds, and spec must still be an object.
    const QStringList bad = validate("apiVersion: x.io/v1\nkind: Foo\nmetadata:\n  name: a b\nspec: 3\n", &ok);
    QVERIFY(!ok);
    QCOMPARE(bad.size(), 3);
    QVERIFY(bad[0].startsWith(QLatin1String("2:7: warning: kind Foo is not one of")));
    QVERIFY(bad[1].startsWith(QLatin1String("4:9: error: metadata.name \"a b\" is not valid")));
    QCOMPARE(bad[2], QStringLiteral("5:7: error: spec must be an object, got number"));
}

void TestValidator::problemCarriesEntityRefAndFile()
{
    std::vector<Problem> parseProblems;
    const auto tree = YamlTree::parse("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: Web\n"
                                      "  namespace: Prod\nspec:\n  type: a\n  lifecycle: b\n  owner: c\n",
                                      QStringLiteral("/repo/catalog-info.yaml"), &parseProblems);
    const Entity e = Entity::fromDocument(tree, 0, QStringLiteral("/repo/catalog-info.yaml"));
    std::vector<Problem> problems;
    QVERIFY(!Validator::validate(e, &problems));
    QCOMPARE(problems.size(), size_t(1));
    QCOMPARE(problems[0].entityRef, QStringLiteral("component:prod/web"));
    QCOMPARE(problems[0].location, (SourceLocation{QStringLiteral("/repo/catalog-info.yaml"), 5, 14}));
    QCOMPARE(problems[0].severity, Problem::Severity::Error);

    // Without a problem list the verdict is the same.
    QVERIFY(!Validator::validate(e, nullptr));
}

void TestValidator::performance()
{
    // 50,000 realistic entities (in 50 files of 1,000 documents) must validate in well under 100 ms.
    QByteArray yaml;
    for (int i = 0; i < 1000; ++i) {
        yaml += "---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: service-" +
                QByteArray::number(i) +
                "\n  title: Service\n  description: Does things\n  labels:\n    example.com/tier: gold\n"
                "  annotations:\n    backstage.io/techdocs-ref: dir:.\n    github.com/project-slug: acme/x\n"
                "  tags: [java, data, team-a]\n  links:\n    - url: https://example.com/dashboard\n"
                "      title: Dashboard\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n"
                "  system: sys\n  providesApis: [api-1]\n  dependsOn: ['resource:db', 'component:other']\n";
    }
    std::vector<Problem> parseProblems;
    const auto tree = YamlTree::parse(yaml, file, &parseProblems);
    QCOMPARE(tree->documents().size(), size_t(1000));
    std::vector<Entity> entities;
    for (int i = 0; i < 1000; ++i) {
        entities.push_back(Entity::fromDocument(tree, i, file));
    }
    std::vector<Problem> problems;
    // CPU time, not wall time: the machine is shared, and other processes must not fail this test.
    const std::clock_t start = std::clock();
    int valid = 0;
    for (int round = 0; round < 50; ++round) {
        for (const auto &e : entities) {
            valid += Validator::validate(e, &problems) ? 1 : 0;
        }
    }
    const auto ms = qint64(double(std::clock() - start) * 1000.0 / CLOCKS_PER_SEC);
    QCOMPARE(valid, 50000);
    QVERIFY(problems.empty());
    qInfo("validated 50,000 entities in %lld ms", ms);
    // Speed is measured by tests/bench (bench_catalog), never asserted in a test.
}

QTEST_GUILESS_MAIN(TestValidator)
#include "tst_validator.moc"
