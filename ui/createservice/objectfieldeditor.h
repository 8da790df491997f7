#pragma once

#include "ui/createservice/fieldeditor.h"

#include <vector>

namespace Gantry::Ui {

// A nested object (`type: object` with `properties`): its fields in a framed group, one editor
// each; the value is an object of the children's values.
class ObjectFieldEditor final : public FieldEditor
{
    Q_OBJECT
public:
    ObjectFieldEditor(const Scaffold::FormField &field, const Catalog::CatalogPtr &catalog, QWidget *parent = nullptr);

    QJsonValue value() const override;
    void setValue(const QJsonValue &value) override;
    QWidget *inputWidget() const override;
    void setCatalog(const Catalog::CatalogPtr &catalog) override;

    const std::vector<FieldEditor *> &children() const { return m_children; }

private:
    std::vector<FieldEditor *> m_children;
};

} // namespace Gantry::Ui
