#pragma once

#include <QIdentityProxyModel>

namespace Gantry::Ui {

// Colours the deploy panel's tables from the models' CategoryRole: pods by status like k9s and
// Lens (a coloured dot and text in the Status column), events with warnings highlighted. Tooltips
// carry the detail (the pod's problem in words, the event's full message) as plain text.
class DeployTableProxy final : public QIdentityProxyModel
{
    Q_OBJECT
public:
    enum class Kind { Pods, Events };

    explicit DeployTableProxy(Kind kind, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    Kind m_kind;
};

} // namespace Gantry::Ui
