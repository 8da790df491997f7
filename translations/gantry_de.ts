<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Banner</name>
    <message>
        <location filename="../ui/banner.cpp" line="28"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/banner.cpp" line="29"/>
        <source>Close message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>CatalogCache</name>
    <message>
        <location filename="../models/sources/catalogcache.cpp" line="49"/>
        <source>cannot create the cache folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sources/catalogcache.cpp" line="53"/>
        <location filename="../models/sources/catalogcache.cpp" line="64"/>
        <location filename="../models/sources/catalogcache.cpp" line="69"/>
        <location filename="../models/sources/catalogcache.cpp" line="72"/>
        <source>cannot write the catalog cache %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogLoader</name>
    <message>
        <location filename="../models/catalog/catalogloader.cpp" line="264"/>
        <source>cannot read the file: %1; check that it exists and is readable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/catalogloader.cpp" line="271"/>
        <source>the file is %1 MiB, larger than the %2 MiB limit for catalog files; split it into smaller files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/catalogloader.cpp" line="311"/>
        <source>Expected object at root, got %1; each YAML document must be one entity with apiVersion, kind, metadata and spec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/catalogloader.cpp" line="398"/>
        <source>the pattern %1 matches no file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/catalogloader.cpp" line="436"/>
        <source>%1 does not exist; check the path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/catalogloader.cpp" line="437"/>
        <source>Location target %1 was not found in %2; fix the path or mark the location &quot;presence: optional&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/catalogloader.cpp" line="523"/>
        <source>Location target %1 is in another repository, which cannot be read here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/catalogloader.cpp" line="535"/>
        <source>Location target %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/catalogloader.cpp" line="548"/>
        <source>Location target %1 is an absolute path inside a Git repository; use a path relative to this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/catalogloader.cpp" line="557"/>
        <source>Location target %1 points outside %2; targets must stay inside the repository or folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
    <message>
        <location filename="../models/catalog/catalogmodel.cpp" line="178"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../models/catalog/catalogmodel.cpp" line="180"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../models/catalog/catalogmodel.cpp" line="182"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../models/catalog/catalogmodel.cpp" line="184"/>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <location filename="../models/catalog/catalogmodel.cpp" line="186"/>
        <source>Lifecycle</source>
        <translation>Lebenszyklus</translation>
    </message>
    <message>
        <location filename="../models/catalog/catalogmodel.cpp" line="188"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../models/catalog/catalogmodel.cpp" line="190"/>
        <source>Namespace</source>
        <translation>Namensraum</translation>
    </message>
    <message>
        <location filename="../models/catalog/catalogmodel.cpp" line="192"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../models/catalog/catalogmodel.cpp" line="194"/>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
</context>
<context>
    <name>CatalogService</name>
    <message numerus="yes">
        <location filename="../models/catalog/catalogservice.cpp" line="145"/>
        <source>Showing the last good catalog (%n entities).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CatalogTable</name>
    <message>
        <location filename="../ui/catalogtable.cpp" line="31"/>
        <source>Search name, title, description, tags (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalogtable.cpp" line="196"/>
        <source>No entities match the search and filters.
Try fewer words, or clear the filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalogtable.cpp" line="198"/>
        <source>The catalog is empty.</source>
        <translation>Der Katalog ist leer.</translation>
    </message>
    <message>
        <location filename="../ui/catalogtable.cpp" line="203"/>
        <source>%1 entities</source>
        <translation>%1 Entitäten</translation>
    </message>
    <message>
        <location filename="../ui/catalogtable.cpp" line="205"/>
        <source>%1 of %2 entities</source>
        <translation>%1 von %2 Entitäten</translation>
    </message>
</context>
<context>
    <name>DemoWorkspace</name>
    <message>
        <location filename="../models/workspace/demoworkspace.cpp" line="114"/>
        <source>%1 is a file; choose a new or empty folder for the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/workspace/demoworkspace.cpp" line="119"/>
        <source>%1 is not empty; choose a new or empty folder for the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/workspace/demoworkspace.cpp" line="123"/>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntityHtml</name>
    <message>
        <location filename="../ui/entityhtml.cpp" line="97"/>
        <source>Owned by</source>
        <translation>Gehört</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="99"/>
        <source>Owner of</source>
        <translation>Besitzer von</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="101"/>
        <source>Depends on</source>
        <translation>Hängt ab von</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="103"/>
        <source>Dependency of</source>
        <translation>Abhängigkeit von</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="105"/>
        <source>Part of</source>
        <translation>Teil von</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="107"/>
        <source>Has part</source>
        <translation>Hat Teil</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="109"/>
        <source>Provides API</source>
        <translation>Stellt API bereit</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="111"/>
        <source>API provided by</source>
        <translation>API bereitgestellt von</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="113"/>
        <source>Consumes API</source>
        <translation>Nutzt API</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="115"/>
        <source>API consumed by</source>
        <translation>API genutzt von</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="117"/>
        <source>Member of</source>
        <translation>Mitglied von</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="119"/>
        <source>Has member</source>
        <translation>Hat Mitglied</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="121"/>
        <source>Child of</source>
        <translation>Untergeordnet zu</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="123"/>
        <source>Parent of</source>
        <translation>Übergeordnet zu</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="145"/>
        <source>not in catalog</source>
        <translation>nicht im Katalog</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="149"/>
        <source>About</source>
        <translation>Über</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="151"/>
        <source>No description</source>
        <translation>Keine Beschreibung</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="166"/>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="168"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="172"/>
        <source>Domain</source>
        <translation>Domäne</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="174"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="175"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="176"/>
        <source>Lifecycle</source>
        <translation>Lebenszyklus</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="177"/>
        <source>Namespace</source>
        <translation>Namensraum</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="178"/>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="183"/>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="214"/>
        <source>not opened: only http, https and mailto links are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="219"/>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="228"/>
        <source>Relations</source>
        <translation>Beziehungen</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="230"/>
        <source>No relations</source>
        <translation>Keine Beziehungen</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="261"/>
        <source>Annotations</source>
        <translation>Annotationen</translation>
    </message>
    <message>
        <location filename="../ui/entityhtml.cpp" line="262"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
</context>
<context>
    <name>EntityPage</name>
    <message>
        <location filename="../ui/entitypage.cpp" line="70"/>
        <location filename="../ui/entitypage.cpp" line="195"/>
        <source>Select an entity to see its details.</source>
        <translation>Wählen Sie eine Entität, um Details zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/entitypage.cpp" line="82"/>
        <source>No documentation.
Add a README.md next to the catalog file, or a backstage.io/techdocs-ref: dir:&lt;folder&gt; annotation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypage.cpp" line="121"/>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../ui/entitypage.cpp" line="122"/>
        <source>Source</source>
        <translation>Quelltext</translation>
    </message>
    <message>
        <location filename="../ui/entitypage.cpp" line="123"/>
        <source>Docs</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <location filename="../ui/entitypage.cpp" line="235"/>
        <source>%1 is no longer in the catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypage.cpp" line="261"/>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypage.cpp" line="267"/>
        <source>No owner</source>
        <translation>Kein Besitzer</translation>
    </message>
    <message>
        <location filename="../ui/entitypage.cpp" line="273"/>
        <source>Owner: %1</source>
        <translation>Besitzer: %1</translation>
    </message>
</context>
<context>
    <name>EntitySource</name>
    <message>
        <location filename="../models/catalog/entitysource.cpp" line="28"/>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/entitysource.cpp" line="28"/>
        <source>no file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/entitysource.cpp" line="32"/>
        <source>%1 is too large to show (%2 MB)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FacetModel</name>
    <message>
        <location filename="../models/catalog/facetmodel.cpp" line="21"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../models/catalog/facetmodel.cpp" line="23"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../models/catalog/facetmodel.cpp" line="25"/>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <location filename="../models/catalog/facetmodel.cpp" line="27"/>
        <source>Lifecycle</source>
        <translation>Lebenszyklus</translation>
    </message>
    <message>
        <location filename="../models/catalog/facetmodel.cpp" line="29"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../models/catalog/facetmodel.cpp" line="31"/>
        <source>Namespace</source>
        <translation>Namensraum</translation>
    </message>
    <message>
        <location filename="../models/catalog/facetmodel.cpp" line="33"/>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <location filename="../models/catalog/facetmodel.cpp" line="132"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <location filename="../ui/filterpanel.cpp" line="42"/>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/filterpanel.cpp" line="44"/>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
</context>
<context>
    <name>Gantry::App</name>
    <message>
        <location filename="../app/gantry/catalogcommands.cpp" line="74"/>
        <source>gantry: no workspace; pass --workspace DIR, or --source PATH for files, folders or Git URLs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/catalogcommands.cpp" line="101"/>
        <source>Read the catalog from this file, folder or Git URL (repeatable) instead of the workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/catalogcommands.cpp" line="104"/>
        <source>Do not fetch; use local clones only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/catalogcommands.cpp" line="120"/>
        <source>gantry: the catalog has %1 error(s); run &apos;gantry catalog validate&apos; to see them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/catalogcommands.cpp" line="129"/>
        <source>usage: gantry catalog validate [PATH|DIR|GIT-URL ...] [--source PATH] [--offline]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/catalogcommands.cpp" line="147"/>
        <source>%1 entities in %2 files: %3 error(s), %4 warning(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/catalogcommands.cpp" line="170"/>
        <source>usage: gantry catalog list [--kind K] [--owner O] [--format table|json] [--source PATH]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/catalogcommands.cpp" line="173"/>
        <source>Only this kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/catalogcommands.cpp" line="174"/>
        <source>Only entities owned by O.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/catalogcommands.cpp" line="175"/>
        <source>table or json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/catalogcommands.cpp" line="183"/>
        <source>--format must be table or json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/catalogcommands.cpp" line="186"/>
        <source>unexpected argument %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/catalogcommands.cpp" line="219"/>
        <source>KIND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/catalogcommands.cpp" line="219"/>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/catalogcommands.cpp" line="219"/>
        <source>TYPE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/catalogcommands.cpp" line="219"/>
        <source>OWNER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/catalogcommands.cpp" line="219"/>
        <source>LIFECYCLE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/catalogcommands.cpp" line="219"/>
        <source>SYSTEM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/catalogcommands.cpp" line="247"/>
        <source>usage: gantry catalog show REF [--format yaml|json] [--source PATH]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/catalogcommands.cpp" line="250"/>
        <source>yaml or json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/catalogcommands.cpp" line="258"/>
        <source>--format must be yaml or json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/catalogcommands.cpp" line="261"/>
        <source>give exactly one entity reference, e.g. component:default/payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/catalogcommands.cpp" line="271"/>
        <source>gantry: no entity &quot;%1&quot; in the catalog; see &apos;gantry catalog list&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/catalogcommands.cpp" line="298"/>
        <source>catalog needs a verb: validate, list or show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/catalogcommands.cpp" line="299"/>
        <source>unknown catalog verb &quot;%1&quot;; use validate, list or show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/commandline.cpp" line="30"/>
        <source>Usage: gantry [--workspace DIR] [VERB ...]

Without a verb, opens the window on the workspace (or the last one, or the demo).

Verbs:
  catalog validate [PATH|DIR|GIT-URL ...]   check catalog files; FILE:LINE:COL: error: MESSAGE
  catalog list [--kind K] [--owner O] [--format table|json]
  catalog show REF [--format yaml|json]     one entity with its derived relations
  demo init DIR                             create the demo workspace in DIR

Catalog verbs read the workspace, or instead the files, folders and Git URLs given with
--source (repeatable). Add --offline to use local clones only.

Global options:
  --workspace DIR   the workspace folder (holding gantry.yaml) or the gantry.yaml file
  --help, -h        this text
  --version         the version

Exit codes: 0 success, 1 failure (or errors found), 2 usage error.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/commandline.cpp" line="65"/>
        <source>--workspace needs a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/commandline.cpp" line="80"/>
        <source>unknown option %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/commandline.cpp" line="121"/>
        <source>gantry: unknown verb &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/democommands.cpp" line="24"/>
        <location filename="../app/gantry/democommands.cpp" line="39"/>
        <source>usage: gantry demo init DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/democommands.cpp" line="31"/>
        <source>gantry: could not create the demo workspace in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/democommands.cpp" line="35"/>
        <source>Created the demo workspace in %1
Open it with: gantry --workspace %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/main.cpp" line="39"/>
        <source>%1 is not a workspace: it has no gantry.yaml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gantry/main.cpp" line="64"/>
        <source>Gantry</source>
        <translation>Gantry</translation>
    </message>
    <message>
        <location filename="../app/gantry/main.cpp" line="65"/>
        <source>Cannot open the workspace.

%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gantry::Catalog::Catalog</name>
    <message>
        <location filename="../models/catalog/catalog.cpp" line="52"/>
        <source>%1 is defined twice: here and first at %2:%3; the first definition is used, remove or rename one of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/catalog.cpp" line="82"/>
        <source>%1 refers to %2, which is not in the catalog; add that entity or correct the reference</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gantry::Catalog::CatalogService</name>
    <message>
        <location filename="../models/catalog/catalogservice.cpp" line="118"/>
        <source>Fetching catalog locations…</source>
        <translation>Katalogquellen werden abgerufen…</translation>
    </message>
</context>
<context>
    <name>Gantry::Catalog::EntityRef</name>
    <message>
        <location filename="../models/catalog/entityref.cpp" line="35"/>
        <source>Entity reference &quot;%1&quot; was not on the form [&lt;kind&gt;:][&lt;namespace&gt;/]&lt;name&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/entityref.cpp" line="40"/>
        <source>Entity reference must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/entityref.cpp" line="69"/>
        <source>Entity reference &quot;%1&quot; had missing or empty kind (e.g. did not start with &quot;component:&quot; or similar)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/relations.cpp" line="162"/>
        <source>Entity reference %1 had missing or empty kind (e.g. did not start with &quot;component:&quot; or similar)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/relations.cpp" line="169"/>
        <source>Entity reference %1 had missing or empty name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gantry::Catalog::Parser</name>
    <message>
        <location filename="../models/catalog/yamltree.cpp" line="500"/>
        <source>duplicate key &quot;%1&quot; (first defined on line %2); YAML mapping keys must be unique: remove or rename one of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/yamltree.cpp" line="545"/>
        <source>YAML syntax error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/yamltree.cpp" line="547"/>
        <source> (%1 on line %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/yamltree.cpp" line="549"/>
        <source>; fix the YAML at this position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/yamltree.cpp" line="589"/>
        <source>unknown alias &quot;*%1&quot;; define the anchor &quot;&amp;%1&quot; before using it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/yamltree.cpp" line="595"/>
        <source>alias &quot;*%1&quot; refers to a node that contains it; recursive YAML is not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/yamltree.cpp" line="600"/>
        <source>alias expansion makes the document too large (more than %1 nodes); simplify the anchors and aliases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/yamltree.cpp" line="609"/>
        <location filename="../models/catalog/yamltree.cpp" line="632"/>
        <source>nesting is deeper than %1 levels; Gantry refuses such files to stay responsive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/yamltree.cpp" line="657"/>
        <source>the file has more than %1 YAML nodes; split it into smaller files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gantry::Catalog::Relations</name>
    <message>
        <location filename="../models/catalog/relations.cpp" line="188"/>
        <source>%1 has no default kind: write the kind in front of the name, e.g. &quot;component:%2&quot; or &quot;resource:%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/relations.cpp" line="192"/>
        <source>give the reference a name, e.g. {kind: %1, name: my-service}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/relations.cpp" line="195"/>
        <source>write it as [&lt;kind&gt;:][&lt;namespace&gt;/]&lt;name&gt; without empty parts, e.g. &quot;%1:default/my-name&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/relations.cpp" line="200"/>
        <source>%1: %2; %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gantry::Catalog::Substituter</name>
    <message>
        <location filename="../models/catalog/catalogloader.cpp" line="162"/>
        <source>%1 needs a file path, e.g. &quot;%1: ./openapi.yaml&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/catalogloader.cpp" line="169"/>
        <source>%1 &quot;%2&quot; is a URL, which Gantry does not fetch; the value is the URL itself. Put the file in the repository and use a relative path such as ./openapi.yaml to see its contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/catalogloader.cpp" line="181"/>
        <source>%1 &quot;%2&quot; points outside the catalog location %3; substitutions may only read files inside it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/catalogloader.cpp" line="189"/>
        <source>%1 &quot;%2&quot;: cannot read %3 (%4); check that the file exists next to %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/catalogloader.cpp" line="191"/>
        <source>no such file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/catalogloader.cpp" line="195"/>
        <source>%1 &quot;%2&quot; is larger than %3 MiB; keep definitions smaller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/catalogloader.cpp" line="210"/>
        <source>$json &quot;%1&quot;: %2 at offset %3; fix the JSON file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/catalogloader.cpp" line="220"/>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/catalogloader.cpp" line="221"/>
        <source>$yaml &quot;%1&quot; could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gantry::Catalog::Validator</name>
    <message>
        <location filename="../models/catalog/validator.cpp" line="235"/>
        <source>; put it in quotes: &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="241"/>
        <source>, e.g. &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="253"/>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="257"/>
        <source>an entity reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="261"/>
        <source>a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="264"/>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="267"/>
        <source>an object or a list of objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="270"/>
        <source>%1 must be %2, got %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="277"/>
        <source>%1 is empty; remove it or write &quot;%2: %3&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="318"/>
        <source>%1 must not be an empty string; remove it or give it a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="325"/>
        <source>%1 is empty; remove it or give it a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="337"/>
        <source>%1 must not be an empty string; remove it or name an entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="347"/>
        <source>%1 is a compound entity reference without a name; write it as {kind, namespace, name} or as a string &quot;kind:namespace/name&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="354"/>
        <source>%1 is empty; remove it or name an entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="364"/>
        <source>the document is %1, not an object; a catalog entity is a mapping with apiVersion, kind, metadata and spec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="366"/>
        <source>a value of type %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="366"/>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="394"/>
        <source>relations must not be written in a descriptor file; the catalog derives them from spec (e.g. spec.owner), so remove this field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="397"/>
        <source>status must not be written in a descriptor file; the catalog sets it, so remove this field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="399"/>
        <source>unknown root field &quot;%1&quot;; an entity has only apiVersion, kind, metadata and spec at the top level: move it under spec (or metadata.annotations) or remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="409"/>
        <source>kind is required; set it to the entity&apos;s kind, e.g. &quot;kind: Component&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="418"/>
        <source>kind &quot;%1&quot; is not valid; expected a letter followed by at most 62 letters or digits [a-zA-Z0-9]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="429"/>
        <source>kind &quot;%1&quot; must be written &quot;%2&quot;; Backstage&apos;s kinds are case-sensitive and it rejects this entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="436"/>
        <source>kind %1 is not one of Backstage&apos;s built-in kinds (Component, API, Resource, System, Domain, Group, User, Location, Template); the entity is kept but no relations are derived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="448"/>
        <source>apiVersion is required; set it, e.g. &quot;apiVersion: %1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="457"/>
        <source>apiVersion &quot;%1&quot; is not valid; expected an optional DNS-subdomain prefix, &quot;/&quot; and a version of at most 63 characters [a-zA-Z0-9], e.g. &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="463"/>
        <source>apiVersion &quot;%1&quot; is not supported for kind %2, so Backstage rejects this entity; use &quot;%3&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="473"/>
        <source>metadata is required; add a &quot;metadata:&quot; section with at least a name, e.g. &quot;name: my-service&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="478"/>
        <source>metadata must be an object, got %1; indent name, namespace, title and the other metadata fields under &quot;metadata:&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="504"/>
        <source>metadata.name is required; set it to the entity&apos;s name, e.g. &quot;name: my-service&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="515"/>
        <source>metadata.name &quot;%1&quot; is not valid; expected a string of at most 63 characters [a-zA-Z0-9] separated by [-_.]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="525"/>
        <source>metadata.namespace is empty; remove it or set it, e.g. &quot;namespace: default&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="529"/>
        <source>metadata.namespace &quot;%1&quot; is not valid; expected a string of at most 63 characters [a-z0-9] separated by [-]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="561"/>
        <source>%1 key &quot;%2&quot; is not valid; expected an optional DNS-subdomain prefix and &quot;/&quot;, then at most 63 characters [a-zA-Z0-9] separated by [-_.]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="569"/>
        <source>%1 value &quot;%2&quot; is not valid; expected &quot;&quot; or a string of at most 63 characters [a-zA-Z0-9] separated by [-_.]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="579"/>
        <source>%1 must be a string, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="580"/>
        <source>; write &quot;&quot; for an empty value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="591"/>
        <source>metadata.tags must be a list, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="593"/>
        <source>; write it as a list: &quot;tags: [%1]&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="604"/>
        <source>metadata.tags[%1] &quot;%2&quot; is not valid; expected a string of at most 63 characters [a-z0-9:+#] separated by [-]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="631"/>
        <source>%1 must be an object with a url, got %2; write it as &quot;- url: https://…&quot; with optional title, icon and type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="645"/>
        <source>%1 must not be blank; remove it or write some text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="649"/>
        <source>%1 &quot;%2&quot; is not valid; expected a string of at most 63 characters [a-zA-Z0-9] separated by [-_.]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="659"/>
        <source>%1 is required; set it to an absolute URL, e.g. &quot;url: https://example.com&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="663"/>
        <source>%1 &quot;%2&quot; is not a valid URL; write an absolute URL with a scheme, e.g. &quot;%3&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="675"/>
        <source>set it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="678"/>
        <source>set it to the entity&apos;s type, e.g. &quot;type: %1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="681"/>
        <source>set it, e.g. &quot;lifecycle: production&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="684"/>
        <source>set it to the owning group, e.g. &quot;owner: team-a&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="687"/>
        <source>set it to the API&apos;s definition, or load it from a file with &quot;$text: ./openapi.yaml&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="690"/>
        <source>list the child groups, or write &quot;children: []&quot; if there are none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="693"/>
        <source>list the user&apos;s groups, or write &quot;memberOf: []&quot; if there are none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="696"/>
        <source>list the steps the template runs, each with an id and an action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="699"/>
        <source>%1 is required for kind %2; %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="728"/>
        <source>%1 must be a list of entity references, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="729"/>
        <source>%1 must be a list of strings, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="731"/>
        <source>; write it as a list: &quot;%1: [%2]&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="784"/>
        <source>spec is required for kind Location; add &quot;spec:&quot; with a target, e.g. &quot;target: ./catalog-info.yaml&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="794"/>
        <source>spec is required for kind %1; add &quot;spec:&quot; with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="832"/>
        <source>spec.remotes is required for an API of type mcp-server; list the server&apos;s endpoints, each with a type and a url, e.g. &quot;- type: streamable-http&quot; and &quot;url: https://example.com/mcp&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/validator.cpp" line="852"/>
        <source>%1 is required; set it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gantry::Sources</name>
    <message>
        <location filename="../models/sources/gitrepository.cpp" line="135"/>
        <source>authentication failed for %1: configure an SSH key in ssh-agent or a credential helper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sources/gitrepository.cpp" line="225"/>
        <source>Fetching %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sources/gitrepository.cpp" line="332"/>
        <source>%1 has no default branch (is the repository empty?); name a branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sources/gitrepository.cpp" line="333"/>
        <source>branch &apos;%1&apos; does not exist in %2; check the branch name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sources/sourcesync.cpp" line="248"/>
        <source>&apos;%1&apos; does not exist in %2 at commit %3; fix the path in the workspace file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sources/sourcesync.cpp" line="264"/>
        <source>the catalog folder or file %1 does not exist; fix the path or create it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gantry::Workspace</name>
    <message>
        <location filename="../models/workspace/demoworkspace.cpp" line="55"/>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/workspace/demoworkspace.cpp" line="61"/>
        <source>this build of Gantry has no demo catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/workspace/demoworkspace.cpp" line="76"/>
        <source>cannot create a temporary folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/workspace/workspace.cpp" line="58"/>
        <source>&apos;%1&apos; must be a single value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/workspace/workspace.cpp" line="76"/>
        <source>%1 must be a mapping of keys to values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/workspace/workspace.cpp" line="83"/>
        <source>%1 must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/workspace/workspace.cpp" line="97"/>
        <source>a catalog location needs a &apos;url&apos; (Git) or a &apos;path&apos; (local folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/workspace/workspace.cpp" line="100"/>
        <source>a catalog location must be a URL, a path, or a mapping with &apos;url&apos;, &apos;branch&apos; and &apos;path&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/workspace/workspace.cpp" line="104"/>
        <source>empty catalog location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/workspace/workspace.cpp" line="113"/>
        <source>an environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/workspace/workspace.cpp" line="119"/>
        <source>an environment needs a &apos;name&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/workspace/workspace.cpp" line="129"/>
        <source>the workspace file is empty; it needs at least &apos;catalog: locations:&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/workspace/workspace.cpp" line="131"/>
        <source>the workspace file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GitRepository</name>
    <message>
        <location filename="../models/sources/gitrepository.cpp" line="404"/>
        <source>unknown Git error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sources/gitrepository.cpp" line="423"/>
        <source>%1 has not been downloaded yet and Gantry is offline; connect to the network and refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sources/gitrepository.cpp" line="430"/>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sources/gitrepository.cpp" line="435"/>
        <source>cannot create a temporary folder in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sources/gitrepository.cpp" line="444"/>
        <source>cannot create a clone of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sources/gitrepository.cpp" line="451"/>
        <location filename="../models/sources/gitrepository.cpp" line="490"/>
        <location filename="../models/sources/gitrepository.cpp" line="501"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sources/gitrepository.cpp" line="456"/>
        <source>could not reach %1: %2; check the URL and your network connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sources/gitrepository.cpp" line="468"/>
        <source>cannot replace the damaged clone in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sources/gitrepository.cpp" line="472"/>
        <source>cannot move the clone to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sources/gitrepository.cpp" line="496"/>
        <source>could not reach %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sources/gitrepository.cpp" line="514"/>
        <source>%1; showing the last fetched commit %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sources/gitrepository.cpp" line="528"/>
        <source>%1 is not a Git repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sources/gitrepository.cpp" line="579"/>
        <source>cannot create the Git repository %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sources/gitrepository.cpp" line="610"/>
        <source>cannot create a Git repository in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sources/gitrepository.cpp" line="617"/>
        <source>cannot read the Git index of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sources/gitrepository.cpp" line="625"/>
        <source>cannot add the files of %1 to Git: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sources/gitrepository.cpp" line="661"/>
        <source>cannot make a Git signature for %1 &lt;%2&gt;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sources/gitrepository.cpp" line="670"/>
        <source>cannot commit in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sources/gitrepository.cpp" line="679"/>
        <location filename="../models/sources/gitrepository.cpp" line="693"/>
        <source>cannot push to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sources/gitrepository.cpp" line="696"/>
        <source>%1 rejected the push (%2); fetch and retry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="50"/>
        <source>Gantry</source>
        <translation>Gantry</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="84"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="116"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="119"/>
        <source>Back (Alt+Left)</source>
        <translation>Zurück (Alt+Links)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="122"/>
        <source>Forward</source>
        <translation>Vor</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="125"/>
        <source>Forward (Alt+Right)</source>
        <translation>Vor (Alt+Rechts)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="128"/>
        <source>Find Entities</source>
        <translation>Entitäten suchen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="132"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="134"/>
        <source>Fetch the catalog&apos;s repositories and reload (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="142"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="151"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="155"/>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="160"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="163"/>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="203"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="233"/>
        <source>%1 — Gantry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="263"/>
        <location filename="../ui/mainwindow.cpp" line="305"/>
        <source>%1 is not in the catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="379"/>
        <source>No catalog loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="385"/>
        <source>Loaded %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="386"/>
        <source>%1 entities</source>
        <translation>%1 Entitäten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="398"/>
        <location filename="../ui/mainwindow.cpp" line="411"/>
        <source>Loading catalog…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="418"/>
        <source>%1
The catalog loaded before is still shown.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemModel</name>
    <message>
        <location filename="../models/catalog/problemmodel.cpp" line="54"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/problemmodel.cpp" line="54"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/problemmodel.cpp" line="57"/>
        <source>%1:%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/problemmodel.cpp" line="68"/>
        <source>%1, line %2, column %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/problemmodel.cpp" line="104"/>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/problemmodel.cpp" line="106"/>
        <source>File:Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/problemmodel.cpp" line="108"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/problemmodel.cpp" line="110"/>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemsView</name>
    <message>
        <location filename="../ui/problemsview.cpp" line="47"/>
        <source>No problems: every entity loaded cleanly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemsview.cpp" line="72"/>
        <source>1 error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemsview.cpp" line="72"/>
        <source>%1 errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemsview.cpp" line="73"/>
        <source>1 warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemsview.cpp" line="73"/>
        <source>%1 warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemsview.cpp" line="76"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location filename="../ui/problemsview.cpp" line="78"/>
        <location filename="../ui/problemsview.cpp" line="80"/>
        <source>Problems (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemsview.cpp" line="82"/>
        <source>Problems (%1, %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourceSync</name>
    <message>
        <location filename="../models/sources/sourcesync.cpp" line="281"/>
        <source>Fetching %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sources/sourcesync.cpp" line="282"/>
        <source>Reading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sources/sourcesync.cpp" line="325"/>
        <source>%1 is not a Git URL that Gantry can fetch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../models/workspace/workspace.cpp" line="244"/>
        <source>no such file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/workspace/workspace.cpp" line="245"/>
        <source>cannot read the workspace file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/workspace/workspace.cpp" line="272"/>
        <source>the workspace has no file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/workspace/workspace.cpp" line="326"/>
        <location filename="../models/workspace/workspace.cpp" line="334"/>
        <location filename="../models/workspace/workspace.cpp" line="339"/>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/workspace/workspace.cpp" line="330"/>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>YamlTree</name>
    <message>
        <location filename="../models/catalog/yamltree.cpp" line="679"/>
        <source>the file is %1 MiB, larger than the %2 MiB limit for catalog files; split it into smaller files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/catalog/yamltree.cpp" line="686"/>
        <source>the file contains NUL bytes and looks binary, not YAML; remove it from the catalog location</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
