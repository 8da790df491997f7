// YAML text of the generated catalog files, and writing them to disk. Written by hand the way
// people write them:
// 2-space indents, plain scalars where YAML allows, quotes where it does not, folded long
// descriptions, literal blocks for API definitions.

#include "tests/bench/catalogGenerator.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace Gantry::Bench {

namespace {

// Plain scalars that a YAML 1.1 or 1.2 reader would not keep as the same string need quotes.
bool needsQuotes(const QString &s)
{
    if (s.isEmpty()) {
        return true;
    }
    static const QRegularExpression special(QStringLiteral(
        "^(?:[-?:,\\[\\]{}#&*!|>'\"%@`]|.*(?:: | #|:$)|\\s|.*\\s$|[-+]?[0-9][0-9._:]*$|[-+]?\\.[0-9]+$|0x[0-9a-fA-F]+$|"
        "(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$)"));
    return special.match(s).hasMatch() || s.contains(QLatin1Char('\n')) || s.contains(QLatin1Char('\t'));
}

class Writer
{
public:
    void line(int indent, const QString &text)
    {
        m_out.append(QByteArray(indent, ' '));
        m_out.append(text.toUtf8());
        m_out.append('\n');
    }
    void raw(const char *text) { m_out.append(text); }

    static QString scalar(const QString &value)
    {
        if (!needsQuotes(value)) {
            return value;
        }
        QString q = value;
        q.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        q.replace(QLatin1Char('"'), QStringLiteral("\\\""));
        q.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
        return QLatin1Char('"') + q + QLatin1Char('"');
    }

    void field(int indent, const char *key, const QString &value)
    {
        if (!value.isEmpty()) {
            line(indent, QLatin1String(key) + QStringLiteral(": ") + scalar(value));
        }
    }
    void list(int indent, const char *key, const QStringList &values, bool alwaysWrite = false)
    {
        if (values.isEmpty()) {
            if (alwaysWrite) {
                line(indent, QLatin1String(key) + QStringLiteral(": []"));
            }
            return;
        }
        line(indent, QLatin1String(key) + QLatin1Char(':'));
        for (const auto &v : values) {
            line(indent + 2, QStringLiteral("- ") + scalar(v));
        }
    }
    // Long text as a folded block (`>-`), wrapped near 80 columns like an editor would.
    void folded(int indent, const char *key, const QString &text)
    {
        line(indent, QLatin1String(key) + QStringLiteral(": >-"));
        QString current;
        const auto words = text.split(QLatin1Char(' '));
        for (const auto &w : words) {
            if (!current.isEmpty() && current.size() + 1 + w.size() > 76 - indent) {
                line(indent + 2, current);
                current.clear();
            }
            current += current.isEmpty() ? w : QLatin1Char(' ') + w;
        }
        if (!current.isEmpty()) {
            line(indent + 2, current);
        }
    }
    void literal(int indent, const char *key, const QString &text)
    {
        line(indent, QLatin1String(key) + QStringLiteral(": |"));
        const auto lines = text.split(QLatin1Char('\n'));
        for (int i = 0; i < lines.size(); ++i) {
            if (i == lines.size() - 1 && lines[i].isEmpty()) {
                break;
            }
            if (lines[i].isEmpty()) {
                m_out.append('\n');
            } else {
                line(indent + 2, lines[i]);
            }
        }
    }
    QByteArray take() { return std::move(m_out); }

private:
    QByteArray m_out;
};

void writeMetadata(Writer &w, const PlannedEntity &e)
{
    w.line(0, QStringLiteral("metadata:"));
    w.field(2, "name", e.name);
    w.field(2, "title", e.title);
    if (!e.description.isEmpty()) {
        // Long descriptions are usually folded blocks; short ones stay on the line.
        if (e.description.size() > 120 && (e.variant & 3u) != 0) {
            w.folded(2, "description", e.description);
        } else {
            w.field(2, "description", e.description);
        }
    }
    if (!e.labels.isEmpty()) {
        w.line(2, QStringLiteral("labels:"));
        for (const auto &[k, v] : e.labels) {
            w.line(4, Writer::scalar(k) + QStringLiteral(": ") + Writer::scalar(v));
        }
    }
    if (!e.annotations.isEmpty()) {
        w.line(2, QStringLiteral("annotations:"));
        for (const auto &[k, v] : e.annotations) {
            w.line(4, Writer::scalar(k) + QStringLiteral(": ") + Writer::scalar(v));
        }
    }
    w.list(2, "tags", e.tags);
    if (!e.links.isEmpty()) {
        w.line(2, QStringLiteral("links:"));
        for (const auto &l : e.links) {
            w.line(4, QStringLiteral("- url: ") + Writer::scalar(l.url));
            w.field(6, "title", l.title);
            w.field(6, "icon", l.icon);
        }
    }
}

void writeProfile(Writer &w, const PlannedEntity &e)
{
    w.line(2, QStringLiteral("profile:"));
    w.field(4, "displayName", e.displayName);
    w.field(4, "email", e.email);
    if (e.kind == QLatin1String("User") && (e.variant % 5u) < 2u) {
        w.field(4, "picture", QStringLiteral("https://avatars.acme.example/") + e.name + QStringLiteral(".png"));
    }
}

// A scaffolder template in the shape of Backstage's sample templates.
void writeTemplateSpec(Writer &w, const PlannedEntity &e)
{
    w.field(2, "owner", e.owner);
    w.field(2, "type", e.type);
    w.raw("  parameters:\n"
          "    - title: Provide some simple information\n"
          "      required:\n"
          "        - component_id\n"
          "        - owner\n"
          "      properties:\n"
          "        component_id:\n"
          "          title: Name\n"
          "          type: string\n"
          "          description: Unique name of the component\n"
          "          ui:field: EntityNamePicker\n"
          "        description:\n"
          "          title: Description\n"
          "          type: string\n"
          "          description: Help others understand what this is for.\n"
          "        owner:\n"
          "          title: Owner\n"
          "          type: string\n"
          "          description: Owner of the component\n"
          "          ui:field: OwnerPicker\n"
          "          ui:options:\n"
          "            catalogFilter:\n"
          "              kind: Group\n"
          "    - title: Choose a location\n"
          "      required:\n"
          "        - repoUrl\n"
          "      properties:\n"
          "        repoUrl:\n"
          "          title: Repository Location\n"
          "          type: string\n"
          "          ui:field: RepoUrlPicker\n"
          "          ui:options:\n"
          "            allowedHosts:\n"
          "              - github.com\n"
          "  steps:\n"
          "    - id: fetch-base\n"
          "      name: Fetch Base\n"
          "      action: fetch:template\n"
          "      input:\n"
          "        url: ./content\n"
          "        values:\n"
          "          name: ${{ parameters.component_id }}\n"
          "          description: ${{ parameters.description }}\n"
          "          owner: ${{ parameters.owner }}\n"
          "    - id: publish\n"
          "      name: Publish\n"
          "      action: publish:github\n"
          "      input:\n"
          "        allowedHosts:\n"
          "          - github.com\n"
          "        description: This is ${{ parameters.component_id }}\n"
          "        repoUrl: ${{ parameters.repoUrl }}\n"
          "        defaultBranch: main\n"
          "    - id: register\n"
          "      name: Register\n"
          "      action: catalog:register\n"
          "      input:\n"
          "        repoContentsUrl: ${{ steps['publish'].output.repoContentsUrl }}\n"
          "        catalogInfoPath: /catalog-info.yaml\n"
          "  output:\n"
          "    links:\n"
          "      - title: Repository\n"
          "        url: ${{ steps['publish'].output.remoteUrl }}\n"
          "      - title: Open in catalog\n"
          "        icon: catalog\n"
          "        entityRef: ${{ steps['register'].output.entityRef }}\n");
}

void writeSpec(Writer &w, const PlannedEntity &e)
{
    w.line(0, QStringLiteral("spec:"));
    const QString &kind = e.kind;
    if (kind == QLatin1String("Location")) {
        w.field(2, "type", QStringLiteral("file"));
        w.list(2, "targets", e.targets);
    } else if (kind == QLatin1String("Template")) {
        writeTemplateSpec(w, e);
    } else if (kind == QLatin1String("Group")) {
        w.field(2, "type", e.type);
        writeProfile(w, e);
        w.field(2, "parent", e.parent);
        w.list(2, "children", e.children, true);
        w.list(2, "members", e.members);
    } else if (kind == QLatin1String("User")) {
        writeProfile(w, e);
        w.list(2, "memberOf", e.memberOf, true);
    } else {
        w.field(2, "type", e.type);
        w.field(2, "lifecycle", e.lifecycle);
        w.field(2, "owner", e.owner);
        w.field(2, "domain", e.domain);
        w.field(2, "system", e.system);
        w.field(2, "subcomponentOf", e.subcomponentOf);
        w.list(2, "providesApis", e.providesApis);
        w.list(2, "consumesApis", e.consumesApis);
        w.list(2, "dependsOn", e.dependsOn);
        if (!e.definition.isEmpty()) {
            w.literal(2, "definition", e.definition);
        }
    }
}

} // namespace

QByteArray renderFile(const CatalogPlan &plan, int fileIndex)
{
    const PlannedFile &file = plan.files[size_t(fileIndex)];
    Writer w;
    if (file.schemaComment) {
        w.raw("# yaml-language-server: $schema=https://json.schemastore.org/catalog-info.json\n");
    }
    bool first = true;
    for (int index : file.entities) {
        const PlannedEntity &e = plan.entities[size_t(index)];
        if (!first || file.schemaComment) {
            w.raw("---\n");
        }
        first = false;
        w.field(0, "apiVersion", e.apiVersion);
        w.field(0, "kind", e.kind);
        writeMetadata(w, e);
        writeSpec(w, e);
    }
    return w.take();
}

GeneratedCatalog writeCatalog(const CatalogPlan &plan, const QString &dir)
{
    GeneratedCatalog out;
    if (plan.entities.empty()) {
        out.error = QStringLiteral("a catalog needs at least 20 entities");
        return out;
    }
    QDir root(dir);
    if (!root.mkpath(QStringLiteral("."))) {
        out.error = QStringLiteral("cannot create %1").arg(dir);
        return out;
    }
    out.rootDir = root.absolutePath();
    QSet<QString> madeDirs;
    for (int i = 0; i < int(plan.files.size()); ++i) {
        const QString rel = plan.files[size_t(i)].path;
        const QString abs = out.rootDir + QLatin1Char('/') + rel;
        const QString parent = QFileInfo(abs).path();
        if (!madeDirs.contains(parent)) {
            if (!QDir().mkpath(parent)) {
                out.error = QStringLiteral("cannot create %1").arg(parent);
                return out;
            }
            madeDirs.insert(parent);
        }
        const QByteArray text = renderFile(plan, i);
        QFile file(abs);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size()) {
            out.error = QStringLiteral("cannot write %1: %2").arg(abs, file.errorString());
            return out;
        }
        out.files << rel;
        out.bytes += text.size();
    }
    out.rootFile = out.rootDir + QStringLiteral("/catalog-info.yaml");
    out.entities = int(plan.entities.size());
    out.entitiesByKind = plan.countByKind();
    out.danglingReferences = plan.danglingReferences;
    out.ok = true;
    return out;
}

GeneratedCatalog generateCatalog(const QString &dir, int entities, quint32 seed)
{
    return writeCatalog(planCatalog(entities, seed), dir);
}

} // namespace Gantry::Bench
