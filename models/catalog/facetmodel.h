#pragma once

#include "models/catalog/catalog.h"
#include "models/catalog/catalogroles.h"

#include <QAbstractListModel>
#include <QSet>

namespace Gantry::Catalog {

// The values of one facet (kind, owner, tag, ...) across a catalog with how many entities have
// each, checkable: the checked values are the facet's filter (see CatalogFilterProxy).
class FacetModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    explicit FacetModel(Facet facet, QObject *parent = nullptr);

    Facet facet() const { return m_facet; }
    // Recomputes values and counts. Checked values that still exist stay checked.
    void setCatalog(const CatalogPtr &catalog);

    QStringList selectedKeys() const;
    void setSelectedKeys(const QStringList &keys);
    void clearSelection() { setSelectedKeys({}); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    // "Kind", "Owner", ... for section headers.
    static QString title(Facet facet);
    // Calls fn(const QString &key) for each value an entity has for a facet (tags: each tag;
    // empty values are skipped). Keys are what CatalogFilterProxy::setFacetValues() takes.
    template<typename F>
    static void forEachKey(const Entity &e, Facet facet, F &&fn);
    // What people see for a key ("team-a" for "group:default/team-a").
    static QString label(Facet facet, const QString &key);

Q_SIGNALS:
    void selectionChanged(const QStringList &keys);

private:
    struct Value
    {
        QString key;
        QString label;
        int count = 0;
    };

    Facet m_facet;
    std::vector<Value> m_values;
    QSet<QString> m_selected;
};

template<typename F>
void FacetModel::forEachKey(const Entity &e, Facet facet, F &&fn)
{
    const auto emitIfSet = [&fn](const QString &key) {
        if (!key.isEmpty()) {
            fn(key);
        }
    };
    switch (facet) {
    case Facet::Kind:
        emitIfSet(e.kind.toLower());
        break;
    case Facet::Type:
        emitIfSet(e.specType);
        break;
    case Facet::Owner:
        emitIfSet(e.owner);
        break;
    case Facet::Lifecycle:
        emitIfSet(e.lifecycle);
        break;
    case Facet::System:
        emitIfSet(e.system);
        break;
    case Facet::Namespace:
        emitIfSet(e.nameSpace);
        break;
    case Facet::Tag:
        for (const QString &tag : e.tags) {
            emitIfSet(tag);
        }
        break;
    }
}

} // namespace Gantry::Catalog
