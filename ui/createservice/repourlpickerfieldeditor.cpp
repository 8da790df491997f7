#include "ui/createservice/repourlpickerfieldeditor.h"

#include "models/scaffold/formvalidator.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QUrlQuery>

namespace Gantry::Ui {

namespace {
QComboBox *makeBox(const QStringList &items, bool editable, QWidget *parent)
{
    auto *box = new QComboBox(parent);
    box->setEditable(editable);
    box->setInsertPolicy(QComboBox::NoInsert);
    box->addItems(items);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(14);
    return box;
}
} // namespace

RepoUrlPickerFieldEditor::RepoUrlPickerFieldEditor(const Scaffold::FormField &field, const Catalog::CatalogPtr &catalog,
                                                   QWidget *parent)
    : FieldEditor(field, parent)
{
    QStringList hosts = field.pickerOptions.allowedHosts;
    if (hosts.isEmpty()) {
        for (const Scaffold::PickerChoice &c : Scaffold::FormValidator::pickerChoices(field, catalog.get())) {
            hosts << c.value;
        }
    }
    QStringList owners = field.pickerOptions.allowedOwners + field.pickerOptions.allowedOrganizations;
    owners.removeDuplicates();
    m_host = makeBox(hosts, hosts.isEmpty(), this);
    m_owner = makeBox(owners, owners.isEmpty() || field.pickerOptions.allowedOwners.isEmpty(), this);
    m_repo = new QLineEdit(this);
    m_repo->setPlaceholderText(tr("repository name"));
    m_repo->setClearButtonEnabled(true);
    if (m_host->isEditable()) {
        m_host->lineEdit()->setPlaceholderText(tr("github.com"));
    }
    if (m_owner->isEditable()) {
        m_owner->lineEdit()->setPlaceholderText(tr("organization or user"));
        m_owner->setCurrentIndex(-1);
    }

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(8);
    layout->setVerticalSpacing(2);
    const QString labels[] = {tr("Host"), tr("Owner"), tr("Repository")};
    QWidget *inputs[] = {m_host, m_owner, m_repo};
    for (int i = 0; i < 3; ++i) {
        auto *label = new QLabel(labels[i], this);
        label->setEnabled(false);
        label->setBuddy(inputs[i]);
        layout->addWidget(label, 0, i);
        layout->addWidget(inputs[i], 1, i);
    }
    layout->setColumnStretch(0, 2);
    layout->setColumnStretch(1, 2);
    layout->setColumnStretch(2, 3);
    adoptInput(m_host);
    setTabOrder(m_host, m_owner);
    setTabOrder(m_owner, m_repo);
    setValue(field.defaultValue);

    connect(m_host, &QComboBox::currentTextChanged, this, &FieldEditor::valueEdited);
    connect(m_owner, &QComboBox::currentTextChanged, this, &FieldEditor::valueEdited);
    connect(m_repo, &QLineEdit::textChanged, this, &FieldEditor::valueEdited);
}

QJsonValue RepoUrlPickerFieldEditor::value() const
{
    const QString host = m_host->currentText().trimmed();
    const QString owner = m_owner->currentText().trimmed();
    const QString repo = m_repo->text().trimmed();
    if (host.isEmpty() && owner.isEmpty() && repo.isEmpty()) {
        return QJsonValue(QJsonValue::Undefined);
    }
    QUrlQuery query;
    if (!owner.isEmpty()) {
        query.addQueryItem(QStringLiteral("owner"), owner);
    }
    if (!repo.isEmpty()) {
        query.addQueryItem(QStringLiteral("repo"), repo);
    }
    return QString(host + QLatin1Char('?') + query.toString(QUrl::FullyEncoded));
}

void RepoUrlPickerFieldEditor::setValue(const QJsonValue &value)
{
    const QString text = value.toString();
    const qsizetype q = text.indexOf(QLatin1Char('?'));
    const QString host = q < 0 ? text : text.left(q);
    const QUrlQuery query(q < 0 ? QString() : text.mid(q + 1));
    const QSignalBlocker b1(m_host);
    const QSignalBlocker b2(m_owner);
    const QSignalBlocker b3(m_repo);
    if (!host.isEmpty()) {
        const int i = m_host->findText(host);
        if (i >= 0) {
            m_host->setCurrentIndex(i);
        } else if (m_host->isEditable()) {
            m_host->setEditText(host);
        }
    }
    QString owner = query.queryItemValue(QStringLiteral("owner"), QUrl::FullyDecoded);
    if (owner.isEmpty()) {
        owner = query.queryItemValue(QStringLiteral("org"), QUrl::FullyDecoded);
    }
    const int o = m_owner->findText(owner);
    if (o >= 0) {
        m_owner->setCurrentIndex(o);
    } else if (m_owner->isEditable()) {
        m_owner->setEditText(owner);
    }
    m_repo->setText(query.queryItemValue(QStringLiteral("repo"), QUrl::FullyDecoded));
}

QWidget *RepoUrlPickerFieldEditor::inputWidget() const
{
    return m_host;
}

} // namespace Gantry::Ui
