#include "ui/deploytableproxy.h"

#include "models/kube/eventtablemodel.h"
#include "models/kube/kuberoles.h"
#include "models/kube/podtablemodel.h"
#include "ui/deploystyle.h"

#include <QBrush>
#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace Gantry::Ui {

namespace {

QPixmap dot(const QColor &color)
{
    static QHash<QRgb, QPixmap> cache;
    auto it = cache.find(color.rgb());
    if (it == cache.end()) {
        QPixmap pixmap(10, 10);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawEllipse(QRectF(1, 1, 8, 8));
        painter.end();
        it = cache.insert(color.rgb(), pixmap);
    }
    return *it;
}

} // namespace

DeployTableProxy::DeployTableProxy(Kind kind, QObject *parent)
    : QIdentityProxyModel(parent)
    , m_kind(kind)
{}

QVariant DeployTableProxy::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()) {
        return {};
    }
    const QString category = QIdentityProxyModel::data(index, Kube::CategoryRole).toString();
    if (m_kind == Kind::Pods) {
        const bool statusColumn = index.column() == Kube::PodTableModel::StatusColumn;
        const DeployStyle::Tone tone = DeployStyle::podTone(category);
        if (statusColumn && role == Qt::ForegroundRole) {
            return QBrush(DeployStyle::color(tone));
        }
        if (statusColumn && role == Qt::DecorationRole) {
            return dot(DeployStyle::color(tone));
        }
        if (role == Qt::ToolTipRole) {
            const QString detail = QIdentityProxyModel::data(index, Kube::DetailRole).toString();
            return detail.isEmpty() ? QVariant() : QVariant(DeployStyle::plainToolTip(detail));
        }
        return QIdentityProxyModel::data(index, role);
    }
    const bool warning = category == QLatin1String("warning");
    if (warning && role == Qt::BackgroundRole) {
        QColor tint = DeployStyle::color(DeployStyle::Tone::Warning);
        tint.setAlpha(40);
        return QBrush(tint);
    }
    if (warning && role == Qt::ForegroundRole && index.column() == Kube::EventTableModel::TypeColumn) {
        return QBrush(DeployStyle::color(DeployStyle::Tone::Warning).darker(120));
    }
    if (role == Qt::ToolTipRole) {
        const QString detail = QIdentityProxyModel::data(index, Kube::DetailRole).toString();
        const QString text = detail.isEmpty() ? QIdentityProxyModel::data(index, Qt::DisplayRole).toString() : detail;
        return text.isEmpty() ? QVariant() : QVariant(DeployStyle::plainToolTip(text));
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace Gantry::Ui
