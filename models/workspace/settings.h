#pragma once

#include <QByteArray>
#include <QObject>
#include <QStringList>

#include <memory>

class QSettings;

namespace Gantry::Workspace {

// Every per-user preference Gantry keeps, over one QSettings. Setters write through and emit
// their ...Changed signal only when the value actually changes.
class Settings final : public QObject
{
    Q_OBJECT
public:
    // The application's settings (organisation/application names of QCoreApplication).
    explicit Settings(QObject *parent = nullptr);
    // An INI file of its own, for tests and portable set-ups.
    explicit Settings(const QString &iniFile, QObject *parent = nullptr);
    ~Settings() override;

    QString lastWorkspace() const;
    void setLastWorkspace(const QString &path);

    // Most recent first, without duplicates, at most MaxRecentWorkspaces.
    static constexpr int MaxRecentWorkspaces = 10;
    QStringList recentWorkspaces() const;
    void addRecentWorkspace(const QString &path);
    void setRecentWorkspaces(const QStringList &paths);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    // Splitters by name ("main", "entity", ...).
    QByteArray splitterState(const QString &name) const;
    void setSplitterState(const QString &name, const QByteArray &state);

    // The canonical ref of the entity that was open last.
    QString lastPage() const;
    void setLastPage(const QString &entityRef);

    void sync();

Q_SIGNALS:
    void lastWorkspaceChanged(const QString &path);
    void recentWorkspacesChanged(const QStringList &paths);
    void windowGeometryChanged();
    void windowStateChanged();
    void splitterStateChanged(const QString &name);
    void lastPageChanged(const QString &entityRef);

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace Gantry::Workspace
