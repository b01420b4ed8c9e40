#!/usr/bin/env bash
# Adds a migration to one module for both database providers.
# Usage: tools/add-migration.sh <Module> <MigrationName>     e.g. tools/add-migration.sh Organisations AddUnitNotes
set -euo pipefail
module=${1:?module name, e.g. Organisations}
name=${2:?migration name, e.g. AddUnitNotes}
cd "$(dirname "$0")/.."
project="modules/$module/TrainingHub.$module"
dotnet tool restore >/dev/null
dotnet build src/TrainingHub.Web -v q -nologo
for provider in Sqlite PostgreSql; do
  dotnet ef migrations add "$name" --no-build --project "$project" --startup-project src/TrainingHub.Web \
    --context "${module}${provider}DbContext" --output-dir "Migrations/$provider"
done
# Migrations belong to the module's inside, like everything but its entry point and pages.
sed -i 's/^    public partial class /    internal partial class /' "$project"/Migrations/*/*.cs
