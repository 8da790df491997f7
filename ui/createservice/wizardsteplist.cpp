#include "ui/createservice/wizardsteplist.h"

#include "ui/icons.h"

#include <QPixmap>

namespace Gantry::Ui {

WizardStepList::WizardStepList(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("wizardSteps"));
    setFocusPolicy(Qt::NoFocus);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFrameShape(QFrame::NoFrame);
    setFixedWidth(std::max(210, fontMetrics().horizontalAdvance(QLatin1Char('x')) * 30));
    setSpacing(3);
    setTextElideMode(Qt::ElideRight);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    viewport()->setBackgroundRole(QPalette::AlternateBase);
    setIconSize(QSize(16, 16));
}

void WizardStepList::setSteps(const QStringList &names, int current)
{
    m_names = names;
    m_current = current;
    clear();
    QPixmap transparent(iconSize());
    transparent.fill(Qt::transparent);
    const QIcon blank(transparent); // keeps the numbers aligned with the checked steps

    auto *header = new QListWidgetItem(tr("NEW SERVICE"), this);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    small.setWeight(QFont::DemiBold);
    header->setFont(small);
    header->setForeground(palette().color(QPalette::PlaceholderText));
    header->setFlags(Qt::NoItemFlags);
    header->setSizeHint(QSize(0, fontMetrics().height() * 2 + 8));
    header->setTextAlignment(Qt::AlignLeft | Qt::AlignBottom);
    for (int i = 0; i < names.size(); ++i) {
        auto *item = new QListWidgetItem(QStringLiteral("%1.  %2").arg(i + 1).arg(names[i]), this);
        item->setFlags(Qt::ItemIsEnabled);
        item->setSizeHint(QSize(0, fontMetrics().height() + 14));
        QFont f = font();
        if (i == current) {
            f.setWeight(QFont::DemiBold);
            item->setForeground(palette().color(QPalette::Text));
            item->setBackground(palette().color(QPalette::Base));
        } else {
            item->setForeground(i < current ? palette().color(QPalette::Text)
                                            : palette().color(QPalette::PlaceholderText));
        }
        item->setFont(f);
        item->setIcon(i < current ? Icons::noProblems() : blank);
        item->setToolTip(names[i]);
    }
}

} // namespace Gantry::Ui
