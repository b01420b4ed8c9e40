using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Audit.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Organisations.Data;
using TrainingHub.Organisations.Domain;
using TrainingHub.Organisations.Services;
using TrainingHub.SharedKernel.Abuse;
using TrainingHub.SharedKernel.Import;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Organisations.Import;

internal enum ImportAction
{
    Create,
    Update,
    Invalid,
}

/// <summary>One line of the file and what importing it would do; <see cref="Errors"/> say why it cannot be imported.</summary>
internal sealed record ImportRow(
    int Line, string Oblast, string? Hromada, string? KatottgCode, int? Population, int? ChildPopulation,
    ImportAction Action, IReadOnlyList<FieldError> Errors);

internal sealed record ImportPreview(IReadOnlyList<ImportRow> Rows, IReadOnlyList<FieldError> FileErrors)
{
    public bool CanImport => FileErrors.Count == 0 && Rows.Count > 0 && Rows.All(r => r.Errors.Count == 0);
    public int InvalidCount => Rows.Count(r => r.Errors.Count > 0);
    public int CreateCount => Rows.Count(r => r.Action == ImportAction.Create);
    public int UpdateCount => Rows.Count(r => r.Action == ImportAction.Update);
}

/// <summary>
/// Loads oblasts and hromadas from CSV with the columns oblast, hromada, KATOTTG code, population, child population.
/// A row without a hromada describes the oblast itself. Existing units (same name under the same parent) are updated,
/// others created. The file is checked whole first; it is imported all or nothing.
/// </summary>
internal sealed class TerritoryImport(
    IDbContextFactory<OrganisationsDbContext> dbFactory, IAccessControl access, IAuditTrail audit, RateLimits limits, ICurrentUser currentUser)
{
    public const int MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>Ukraine has some 1,500 hromadas: anything far beyond is not a territory file, and is refused before any lookup.</summary>
    public const int MaxRows = 20_000;

    public const int MaxCellLength = 4_000;
    private const int ColumnCount = 5;

    /// <summary>Reads and checks the file without writing anything.</summary>
    public async Task<ImportPreview> PreviewAsync(byte[] content, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return (await PlanAsync(db, content, cancellationToken)).Preview;
    }

    /// <summary>Checks the file again and, when every row is good, writes all of it in one transaction.</summary>
    public async Task<Result<ImportPreview>> ImportAsync(byte[] content, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var plan = await PlanAsync(db, content, cancellationToken);
        if (!plan.Preview.CanImport)
        {
            return Error.Rule("Import:Error:FileHasErrors");
        }
        if (!limits.TryAcquire(RateLimits.Imports, currentUser))
        {
            return RateLimits.TooManyRequests;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Error.Rule("Error:SaveConflictedWithOtherChange");
        }
        await audit.RecordAsync(new AuditEvent(AuditActions.Imported)
        {
            Module = "Organisations",
            EntityType = nameof(OrganisationUnit),
            Summary = $"territory CSV: {plan.Preview.CreateCount} created, {plan.Preview.UpdateCount} updated",
        }, cancellationToken);
        return plan.Preview;
    }

    private sealed record Plan(ImportPreview Preview);

    /// <summary>Parses and checks the file, and stages the changes in <paramref name="db"/> without saving them.</summary>
    private async Task<Plan> PlanAsync(OrganisationsDbContext db, byte[] content, CancellationToken cancellationToken)
    {
        var scope = access.GetScope(OrganisationPermissions.UnitsImport);
        if (scope.IsEmpty)
        {
            return FileError("Error:Forbidden");
        }
        if (content.Length > MaxFileBytes)
        {
            return FileError("Import:Error:FileTooLarge", MaxFileBytes / 1024 / 1024);
        }
        if (CsvText.DecodeUtf8(content) is not { } text)
        {
            return FileError("Import:Error:NotUtf8");
        }
        var rawRows = CsvText.Read(text).Rows;
        if (rawRows.Count == 0)
        {
            return FileError("Import:Error:Empty");
        }
        if (rawRows.Count > MaxRows)
        {
            return FileError("Import:Error:TooManyRows", MaxRows);
        }
        if (rawRows.FirstOrDefault(r => r.Cells.Any(c => c.Length > MaxCellLength)) is { } longRow)
        {
            return FileError("Import:Error:CellTooLong", longRow.Line, MaxCellLength);
        }

        var existing = await db.Units.Where(u => u.Type != UnitType.Organisation).ToListAsync(cancellationToken);
        var oblasts = existing.Where(u => u.Type == UnitType.Oblast).ToDictionary(u => u.NormalizedName);
        var codeHolders = await db.Units.Where(u => u.KatottgCode != null).ToDictionaryAsync(u => u.KatottgCode!, u => u.Id, cancellationToken);
        var seenRows = new HashSet<(string, string)>();
        var codesInFile = new Dictionary<string, int>();
        var rows = new List<ImportRow>();

        foreach (var raw in rawRows)
        {
            var errors = new List<FieldError>();
            if (raw.Cells.Length != ColumnCount)
            {
                errors.Add(new("Row", "Import:Error:ColumnCount", ColumnCount, raw.Cells.Length));
                rows.Add(new ImportRow(raw.Line, string.Join(",", raw.Cells), null, null, null, null, ImportAction.Invalid, errors));
                continue;
            }
            var oblastName = raw.Cells[0].Trim();
            var hromadaName = UnitRules.Clean(raw.Cells[1]);
            var code = UnitRules.Clean(raw.Cells[2]);
            var population = ParseCount(raw.Cells[3], "Population", errors);
            var childPopulation = ParseCount(raw.Cells[4], "ChildPopulation", errors);
            var input = new UnitInput
            {
                Name = hromadaName ?? oblastName,
                Type = hromadaName is null ? UnitType.Oblast : UnitType.Hromada,
                KatottgCode = code,
                Population = population,
                ChildPopulation = childPopulation,
            };
            if (oblastName.Length == 0)
            {
                errors.Add(new("Oblast", "Import:Error:OblastRequired"));
            }
            errors.AddRange(UnitRules.CheckFields(input).Where(e => e.Field != nameof(UnitInput.Name) || oblastName.Length > 0));

            var rowKey = (OrganisationUnit.Normalize(oblastName), hromadaName is null ? "" : OrganisationUnit.Normalize(hromadaName));
            if (oblastName.Length > 0 && !seenRows.Add(rowKey))
            {
                errors.Add(new("Row", "Import:Error:DuplicateRow"));
            }
            if (code is not null)
            {
                if (codesInFile.TryGetValue(code, out var firstLine))
                {
                    errors.Add(new("KatottgCode", "Import:Error:CodeRepeated", firstLine));
                }
                else
                {
                    codesInFile[code] = raw.Line;
                }
            }

            var action = ImportAction.Invalid;
            if (errors.Count == 0)
            {
                action = Stage(db, input, oblastName, oblasts, existing, codeHolders, scope, errors, await AncestryInScope(scope, oblasts, oblastName, cancellationToken));
            }
            rows.Add(new ImportRow(raw.Line, oblastName, hromadaName, code, population, childPopulation, errors.Count == 0 ? action : ImportAction.Invalid, errors));
        }
        return new Plan(new ImportPreview(rows, []));
    }

    /// <summary>Applies one good row to the tracked units; returns whether it creates or updates.</summary>
    private static ImportAction Stage(
        OrganisationsDbContext db, UnitInput input, string oblastName, Dictionary<string, OrganisationUnit> oblasts,
        List<OrganisationUnit> existing, Dictionary<string, Guid> codeHolders, UnitScope scope, List<FieldError> errors, bool oblastInScope)
    {
        var oblastKey = OrganisationUnit.Normalize(oblastName);
        var oblastIsNew = !oblasts.TryGetValue(oblastKey, out var oblast);
        if (oblastIsNew ? !scope.IsEverywhere : !oblastInScope)
        {
            errors.Add(new("Oblast", "Import:Error:OutsideScope"));
            return ImportAction.Invalid;
        }
        if (oblast is null)
        {
            oblast = new OrganisationUnit { Name = oblastName, NormalizedName = oblastKey, Type = UnitType.Oblast };
            db.Units.Add(oblast);
            existing.Add(oblast);
            oblasts[oblastKey] = oblast;
        }

        OrganisationUnit target;
        var action = ImportAction.Update;
        if (input.Type == UnitType.Oblast)
        {
            target = oblast;
            if (oblastIsNew)
            {
                action = ImportAction.Create;
            }
        }
        else
        {
            var hromadaKey = OrganisationUnit.Normalize(input.Name);
            var hromada = existing.FirstOrDefault(u => u.ParentId == oblast.Id && u.NormalizedName == hromadaKey);
            if (hromada is null)
            {
                hromada = new OrganisationUnit { Name = input.Name, NormalizedName = hromadaKey, Type = UnitType.Hromada, ParentId = oblast.Id };
                db.Units.Add(hromada);
                existing.Add(hromada);
                action = ImportAction.Create;
            }
            target = hromada;
        }

        if (input.KatottgCode is { } code && codeHolders.TryGetValue(code, out var holder) && holder != target.Id)
        {
            errors.Add(new("KatottgCode", "Import:Error:CodeTaken"));
            return ImportAction.Invalid;
        }
        // An empty cell keeps what the unit already has: a file may refresh populations without repeating codes.
        target.KatottgCode = input.KatottgCode ?? target.KatottgCode;
        target.Population = input.Population ?? target.Population;
        target.ChildPopulation = input.ChildPopulation ?? target.ChildPopulation;
        if (target.ChildPopulation > target.Population)
        {
            errors.Add(new("ChildPopulation", "Error:ChildPopulationAbovePopulation"));
            return ImportAction.Invalid;
        }
        return action;
    }

    private async Task<bool> AncestryInScope(UnitScope scope, Dictionary<string, OrganisationUnit> oblasts, string oblastName, CancellationToken cancellationToken) =>
        scope.IsEverywhere
        || (oblasts.TryGetValue(OrganisationUnit.Normalize(oblastName), out var oblast)
            && await access.IsGrantedAsync(OrganisationPermissions.UnitsImport, oblast.Id, cancellationToken));

    private static int? ParseCount(string cell, string field, List<FieldError> errors)
    {
        var value = cell.Trim().Replace(" ", "").Replace("\u00A0", "");
        if (value.Length == 0)
        {
            return null;
        }
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        errors.Add(new(field, "Import:Error:NotANumber", cell.Trim()));
        return null;
    }

    private static Plan FileError(string key, params object[] arguments) =>
        new(new ImportPreview([], [new FieldError("File", key, arguments)]));
}
