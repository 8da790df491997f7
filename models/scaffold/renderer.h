#pragma once

#include "models/scaffold/scaffoldtypes.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <atomic>

namespace Gantry::Scaffold {

// Caps on what one fetch may produce (a hostile value cannot fill the disk).
struct RenderLimits
{
    int maxFiles = 5000;
    qint64 maxFileBytes = 8 * 1024 * 1024;
    qint64 maxTotalBytes = 64 * 1024 * 1024;
};

// Renders skeleton files and paths. Text goes through two well-defined stages, each over the
// template's own text only:
//  1. Backstage's forms, with the Expression evaluator: `${{ expr }}`, `{% if expr %}…{% elif %}…
//     {% else %}…{% endif %}` and `{% raw %}…{% endraw %}` (for files such as GitHub workflows that
//     hold `${{ }}` of their own);
//  2. the plain mustache form with kainjow mustache: `{{ name }}`, `{{#list}}…{{/list}}`,
//     `{{^flag}}…{{/flag}}`, with the `values` as data and no HTML escaping.
// The results of stage 1 reach stage 2 as opaque variables, so a value is never parsed as a
// template again: `${{ }}` or `{{ }}` inside a value is written out literally (inert).
class Renderer final
{
public:
    struct Options
    {
        QStringList copyWithoutTemplating; // globs relative to the skeleton ("**/*.png", ".github/workflows/*")
        QString templateFileExtension;     // e.g. ".njk": only such files are rendered (extension dropped)
        bool renderPaths = true;           // file and folder names are rendered too
    };

    using Limits = RenderLimits;

    // Renders one text with context {values: …, parameters: …} (mustache sees `values`' keys).
    static bool renderText(const QString &text, const QJsonObject &context, QString *out, QString *error);
    // Checks the template syntax of a text without data; *line is 1-based where the problem is.
    // *rootNames receives the names its expressions read (outside raw blocks).
    static bool checkText(const QString &text, QString *error, int *line, QStringList *rootNames = nullptr);

    // Renders a relative path component by component. Refuses (false, *error) anything that would
    // leave the target folder: absolute paths, "..", a value that adds folders ("a/b") or is "."
    // or "..". An empty rendered component means "skip this file": true with *out empty.
    static bool renderPath(const QString &relativePath, const QJsonObject &context, QString *out, QString *error);

    // "a/./b" → "a/b"; refuses absolute paths, "..", backslashes, NUL and empty paths.
    static bool normalizeRelativePath(const QString &path, QString *normalized, QString *error);

    // Reads a skeleton folder (a local folder or a Qt resource folder) and renders every file into
    // `files` under `targetPath` (relative, already normalized). Symlinks in the skeleton are refused.
    static bool renderDirectory(const QString &directory, const QString &targetPath, const QJsonObject &context,
                                const Options &options, FileSet *files, QString *error,
                                const std::atomic_bool *cancel = nullptr, const Limits &limits = {});

    // Whether `relativePath` matches a glob ("*" within a name, "**" across folders, "?").
    static bool globMatches(const QString &glob, const QString &relativePath);
};

} // namespace Gantry::Scaffold
