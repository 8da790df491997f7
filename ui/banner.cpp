#include "ui/banner.h"

#include "ui/icons.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QToolButton>

namespace Gantry::Ui {

Banner::Banner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_buttons(new QHBoxLayout)
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("banner"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_close->setIcon(Icons::named(QStringLiteral("close")));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Close"));
    m_close->setAccessibleName(tr("Close message"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 8, 8);
    layout->setSpacing(10);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    m_buttons->setSpacing(6);
    layout->addLayout(m_buttons);
    layout->addWidget(m_close, 0, Qt::AlignTop);

    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT closed();
    });
    hide();
}

void Banner::showMessage(Type type, const QString &text)
{
    m_type = type;
    m_text->setText(text);
    const QString icon = type == Type::Error     ? QStringLiteral("error")
                         : type == Type::Warning ? QStringLiteral("warning")
                                                 : QStringLiteral("info");
    const int size = fontMetrics().height();
    m_icon->setPixmap(Icons::named(icon).pixmap(QSize(size, size), devicePixelRatioF()));
    show();
    update();
}

QString Banner::text() const
{
    return m_text->text();
}

void Banner::addAction(QAction *action)
{
    auto *button = new QPushButton(action->text(), this);
    button->setFlat(false);
    connect(button, &QPushButton::clicked, action, &QAction::trigger);
    m_buttons->addWidget(button, 0, Qt::AlignTop);
}

QColor Banner::accent() const
{
    switch (m_type) {
    case Type::Error:
        return QColor(0xe5, 0x48, 0x4d);
    case Type::Warning:
        return QColor(0xf5, 0xa5, 0x24);
    case Type::Information:
        break;
    }
    return QColor(0x3b, 0x82, 0xf6);
}

void Banner::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    // A tint of the accent over the window colour reads well in light and dark themes alike.
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor base = palette().color(QPalette::Window);
    const QColor accent = this->accent();
    const auto mix = [](const QColor &a, const QColor &b, qreal t) {
        return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
                                a.blueF() * (1 - t) + b.blueF() * t);
    };
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    painter.setPen(QPen(mix(base, accent, 0.55), 1));
    painter.setBrush(mix(base, accent, 0.14));
    painter.drawRoundedRect(r, 6, 6);
}

} // namespace Gantry::Ui
