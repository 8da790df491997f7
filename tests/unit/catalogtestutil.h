#pragma once

// Small catalogs from YAML strings for the model, proxy and GUI tests, built the way the loader
// builds them: YamlTree::parse -> Entity::fromDocument -> outgoingRelations -> Catalog::assemble.

#include "models/catalog/catalog.h"
#include "models/catalog/relations.h"
#include "models/catalog/yamltree.h"

#include <QByteArray>
#include <QString>

namespace Gantry::Tests {

inline Catalog::CatalogPtr catalogFromYaml(const QByteArray &yaml,
                                           const QString &file = QStringLiteral("catalog-info.yaml"),
                                           const QString &origin = QStringLiteral("test"),
                                           const QStringList &roots = {})
{
    using namespace Gantry::Catalog;
    std::vector<Problem> problems;
    auto tree = YamlTree::parse(yaml, file, &problems);
    std::vector<Catalog::Catalog::Input> inputs;
    for (int i = 0; tree && i < int(tree->documents().size()); ++i) {
        if (tree->documents()[size_t(i)].hasError) {
            continue;
        }
        Entity e = Entity::fromDocument(tree, i, file);
        auto outgoing = outgoingRelations(e, &problems);
        inputs.push_back(Catalog::Catalog::Input{std::move(e), std::move(outgoing)});
    }
    return Catalog::Catalog::assemble(std::move(inputs), std::move(problems), origin, roots);
}

// A small organisation: two teams, a system with components, an API, a resource, a dangling
// dependency (one warning) and an entity in another namespace.
inline QByteArray sampleCatalogYaml()
{
    return QByteArrayLiteral(R"(apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout
  title: Checkout Service
  description: Takes payments and places orders
  tags: [payments, java]
  links:
    - url: https://example.com/checkout
      title: Dashboard
    - url: javascript:alert(1)
      title: Evil
  annotations:
    backstage.io/techdocs-ref: dir:.
spec:
  type: service
  lifecycle: production
  owner: team-a
  system: shop
  dependsOn: [resource:orders-db]
  providesApis: [checkout-api]
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: cart
  description: The shopping cart <b>web</b> front end
  tags: [frontend, payments]
spec:
  type: website
  lifecycle: experimental
  owner: team-b
  system: shop
  consumesApis: [checkout-api]
  dependsOn: [component:missing-thing]
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: checkout-api
  description: Public checkout API
spec:
  type: openapi
  lifecycle: production
  owner: team-a
  system: shop
  definition: "openapi: 3.0.0"
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: orders-db
  description: Orders database
spec:
  type: database
  owner: team-a
  system: shop
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: shop
  description: Everything that sells
spec:
  owner: team-a
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-a
spec:
  type: team
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-b
spec:
  type: team
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: billing
  namespace: ops
  title: Legacy Billing
  description: Old invoices, read-only
  tags: [java]
spec:
  type: service
  lifecycle: deprecated
  owner: group:default/team-b
)");
}

// `count` generated components spread over 40 owners, 5 lifecycles, 12 types and 30 tags.
inline QByteArray generatedCatalogYaml(int count)
{
    static const char *const words[] = {"payments", "orders",  "search",  "inventory", "shipping", "billing",
                                        "identity", "catalog", "pricing", "reviews",   "ledger",   "gateway"};
    QByteArray yaml;
    yaml.reserve(count * 360);
    for (int i = 0; i < count; ++i) {
        const QByteArray n = QByteArray::number(i);
        const char *w = words[i % 12];
        const char *w2 = words[(i / 12) % 12];
        yaml += "---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: svc-" + n + "-" + w +
                "\n  title: " + w2 + " " + w + " service " + n + "\n  description: Handles " + w + " for the " + w2 +
                " domain, shard " + n + "\n  tags: [t" + QByteArray::number(i % 30) + ", " + w +
                "]\nspec:\n  type: type-" + QByteArray::number(i % 12) + "\n  lifecycle: lc-" +
                QByteArray::number(i % 5) + "\n  owner: team-" + QByteArray::number(i % 40) + "\n  system: sys-" +
                QByteArray::number(i % 25) + "\n";
    }
    return yaml;
}

} // namespace Gantry::Tests
