#pragma once

#include <QString>

namespace Gantry::Catalog {

struct Entity;

// Reads what the entity page shows from disk, so that the UI never touches files itself: the
// entity's YAML document as written, and its documentation (Markdown).
class EntitySource final
{
public:
    struct Text
    {
        QString text;
        QString path;      // the file it was read from
        int firstLine = 1; // 1-based line number of the first line of `text` in that file
        QString error;     // why nothing could be read, translated; empty on success
        bool isValid() const { return error.isEmpty(); }
    };

    // Lines startLine..endLine of the entity's file: its YAML document.
    static Text document(const Entity &entity);
    // A whole file (for problems that belong to no entity).
    static Text file(const QString &path);
    // The entity's documentation: the `backstage.io/techdocs-ref: dir:<path>` folder's
    // docs/index.md, index.md or README.md, else README.md beside the entity file.
    // An empty `text` (with an empty error) means there is none.
    static Text docs(const Entity &entity);

private:
    static Text readLines(const QString &path, int firstLine, int lastLine);
};

} // namespace Gantry::Catalog
