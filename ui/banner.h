#pragma once

#include <QFrame>

class QLabel;
class QToolButton;
class QHBoxLayout;

namespace Gantry::Ui {

// A non-modal message strip above the content, like KMessageWidget in hotspot: for errors the
// user should see but need not act on at once. Text is shown as plain text, never rich text.
class Banner final : public QFrame
{
    Q_OBJECT
public:
    enum class Type { Information, Warning, Error };

    explicit Banner(QWidget *parent = nullptr);

    void showMessage(Type type, const QString &text);
    QString text() const;
    Type type() const { return m_type; }
    // Adds a button on the right that runs `action` (and hides nothing by itself).
    void addAction(QAction *action);

Q_SIGNALS:
    void closed();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QColor accent() const;

    Type m_type = Type::Information;
    QLabel *m_icon;
    QLabel *m_text;
    QHBoxLayout *m_buttons;
    QToolButton *m_close;
};

} // namespace Gantry::Ui
