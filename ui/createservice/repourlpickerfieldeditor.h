#pragma once

#include "ui/createservice/fieldeditor.h"

class QComboBox;
class QLineEdit;

namespace Gantry::Ui {

// RepoUrlPicker: host (from allowedHosts), owner and repository name, stored as Backstage stores
// it: "host?owner=o&repo=r".
class RepoUrlPickerFieldEditor final : public FieldEditor
{
    Q_OBJECT
public:
    RepoUrlPickerFieldEditor(const Scaffold::FormField &field, const Catalog::CatalogPtr &catalog,
                             QWidget *parent = nullptr);

    QJsonValue value() const override;
    void setValue(const QJsonValue &value) override;
    QWidget *inputWidget() const override;

    QComboBox *hostBox() const { return m_host; }
    QComboBox *ownerBox() const { return m_owner; }
    QLineEdit *repoEdit() const { return m_repo; }

private:
    QComboBox *m_host;
    QComboBox *m_owner;
    QLineEdit *m_repo;
};

} // namespace Gantry::Ui
