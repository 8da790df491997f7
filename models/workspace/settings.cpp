#include "models/workspace/settings.h"

#include <QSettings>

namespace Gantry::Workspace {

namespace {
const QString LastWorkspaceKey = QStringLiteral("workspace/last");
const QString RecentWorkspacesKey = QStringLiteral("workspace/recent");
const QString GeometryKey = QStringLiteral("window/geometry");
const QString StateKey = QStringLiteral("window/state");
const QString SplitterKey = QStringLiteral("window/splitter/");
const QString LastPageKey = QStringLiteral("window/lastPage");
} // namespace

Settings::Settings(QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>())
{}

Settings::Settings(const QString &iniFile, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{}

Settings::~Settings() = default;

QString Settings::lastWorkspace() const
{
    return m_settings->value(LastWorkspaceKey).toString();
}

void Settings::setLastWorkspace(const QString &path)
{
    if (path != lastWorkspace()) {
        m_settings->setValue(LastWorkspaceKey, path);
        Q_EMIT lastWorkspaceChanged(path);
    }
}

QStringList Settings::recentWorkspaces() const
{
    return m_settings->value(RecentWorkspacesKey).toStringList();
}

void Settings::setRecentWorkspaces(const QStringList &paths)
{
    QStringList list = paths;
    list.removeDuplicates();
    list.removeAll(QString());
    while (list.size() > MaxRecentWorkspaces) {
        list.removeLast();
    }
    if (list != recentWorkspaces()) {
        m_settings->setValue(RecentWorkspacesKey, list);
        Q_EMIT recentWorkspacesChanged(list);
    }
}

void Settings::addRecentWorkspace(const QString &path)
{
    QStringList list = recentWorkspaces();
    list.removeAll(path);
    list.prepend(path);
    setRecentWorkspaces(list);
}

QByteArray Settings::windowGeometry() const
{
    return m_settings->value(GeometryKey).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    if (geometry != windowGeometry()) {
        m_settings->setValue(GeometryKey, geometry);
        Q_EMIT windowGeometryChanged();
    }
}

QByteArray Settings::windowState() const
{
    return m_settings->value(StateKey).toByteArray();
}

void Settings::setWindowState(const QByteArray &state)
{
    if (state != windowState()) {
        m_settings->setValue(StateKey, state);
        Q_EMIT windowStateChanged();
    }
}

QByteArray Settings::splitterState(const QString &name) const
{
    return m_settings->value(SplitterKey + name).toByteArray();
}

void Settings::setSplitterState(const QString &name, const QByteArray &state)
{
    if (state != splitterState(name)) {
        m_settings->setValue(SplitterKey + name, state);
        Q_EMIT splitterStateChanged(name);
    }
}

QString Settings::lastPage() const
{
    return m_settings->value(LastPageKey).toString();
}

void Settings::setLastPage(const QString &entityRef)
{
    if (entityRef != lastPage()) {
        m_settings->setValue(LastPageKey, entityRef);
        Q_EMIT lastPageChanged(entityRef);
    }
}

void Settings::sync()
{
    m_settings->sync();
}

} // namespace Gantry::Workspace
