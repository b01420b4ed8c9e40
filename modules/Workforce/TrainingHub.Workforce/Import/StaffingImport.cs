using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Audit.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Abuse;
using TrainingHub.SharedKernel.Import;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Workforce.Communities;
using TrainingHub.Workforce.Contracts;
using TrainingHub.Workforce.Data;
using TrainingHub.Workforce.Staffing;

namespace TrainingHub.Workforce.Import;

/// <summary>What a staffing file holds: organisations' funded posts, or hromadas' case load.</summary>
internal enum StaffingFileKind
{
    FundedPosts,
    CaseLoad,
}

internal enum ImportOutcome
{
    Create,
    Update,
    Unchanged,
    Invalid,
}

/// <summary>A line of the file as read, what importing it would do, and why it cannot be imported (<see cref="Errors"/>).</summary>
internal sealed record ImportLine(int Line, IReadOnlyList<string> Cells, ImportOutcome Outcome, IReadOnlyList<FieldError> Errors);

/// <summary>The file checked whole: its lines, or the reason it cannot be read at all.</summary>
internal sealed record StaffingImportPreview(StaffingFileKind Kind, IReadOnlyList<ImportLine> Lines, FieldError? FileError)
{
    public bool CanImport => FileError is null && Lines.Count > 0 && Lines.All(l => l.Errors.Count == 0);

    public int Count(ImportOutcome outcome) => Lines.Count(l => l.Outcome == outcome);
}

/// <summary>
/// Loads funded posts (hromada KATOTTG code, organisation name, position code or name, posts) or case load (hromada
/// KATOTTG code, urban or rural, families in difficult life circumstances, children with disabilities; an empty cell keeps
/// what is known) from CSV for the units of one's area (<see cref="WorkforcePermissions.StaffingEdit"/>). The file is
/// checked whole first and imported all or nothing.
/// </summary>
internal sealed class StaffingImport(
    IDbContextFactory<WorkforceDbContext> dbFactory, IAccessControl access, IOrganisationDirectory units, IPositionTypes positionTypes,
    IAuditTrail audit, RateLimits limits, ICurrentUser currentUser)
{
    public const int MaxFileBytes = 2 * 1024 * 1024;

    /// <summary>Every organisation of the country with every position fits; far more is not a staffing file.</summary>
    public const int MaxRows = 50_000;

    public static IReadOnlyList<string> Columns(StaffingFileKind kind) => kind == StaffingFileKind.FundedPosts
        ? ["hromada_katottg", "organisation", "position", "posts"]
        : ["hromada_katottg", "settlement", "families_in_difficulty", "children_with_disabilities"];

    public async Task<StaffingImportPreview> PreviewAsync(StaffingFileKind kind, byte[] content, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return await PlanAsync(db, kind, content, cancellationToken);
    }

    /// <summary>Checks the file again and, when every line is good, writes all of it in one save.</summary>
    public async Task<Result<StaffingImportPreview>> ImportAsync(StaffingFileKind kind, byte[] content, CancellationToken cancellationToken = default)
    {
        if (!access.HasPermission(WorkforcePermissions.StaffingEdit))
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var preview = await PlanAsync(db, kind, content, cancellationToken);
        if (!preview.CanImport)
        {
            return Error.Rule("Import:Error:FileHasErrors");
        }
        if (!limits.TryAcquire(RateLimits.Imports, currentUser))
        {
            return RateLimits.TooManyRequests;
        }
        if (await db.SaveOrErrorAsync(cancellationToken) is { } error)
        {
            return error;
        }
        await audit.RecordAsync(new AuditEvent(AuditActions.Imported)
        {
            Module = "Workforce",
            EntityType = kind == StaffingFileKind.FundedPosts ? nameof(FundedPosts) : nameof(CommunityProfile),
            Summary = $"{kind} CSV: {preview.Count(ImportOutcome.Create)} created, {preview.Count(ImportOutcome.Update)} updated",
        }, cancellationToken);
        return preview;
    }

    /// <summary>Reads and checks the file, staging its changes in <paramref name="db"/> without saving them.</summary>
    private async Task<StaffingImportPreview> PlanAsync(WorkforceDbContext db, StaffingFileKind kind, byte[] content, CancellationToken cancellationToken)
    {
        if (!access.HasPermission(WorkforcePermissions.StaffingEdit))
        {
            return new StaffingImportPreview(kind, [], new FieldError("File", "Error:Forbidden"));
        }
        var file = CsvText.Open(content, Columns(kind), MaxFileBytes, MaxRows);
        if (file.Table is not { } table)
        {
            return new StaffingImportPreview(kind, [], file.Error);
        }
        var places = new Places(await units.GetUnitsInAsync(UnitScope.Everywhere, cancellationToken), access.GetScope(WorkforcePermissions.StaffingEdit));
        var lines = kind == StaffingFileKind.FundedPosts
            ? await PlanPostsAsync(db, table, places, cancellationToken)
            : await PlanCaseLoadAsync(db, table, places, cancellationToken);
        return new StaffingImportPreview(kind, lines, null);
    }

    private async Task<IReadOnlyList<ImportLine>> PlanPostsAsync(WorkforceDbContext db, CsvTable table, Places places, CancellationToken cancellationToken)
    {
        var positions = await positionTypes.ListAsync(cancellationToken);
        var existing = await db.FundedPosts.ToDictionaryAsync(p => (p.OrganisationId, p.PositionTypeId), cancellationToken);
        var firstLine = new Dictionary<(Guid, Guid), int>();
        var lines = new List<ImportLine>();
        foreach (var row in table.Rows)
        {
            if (Uneven(row) is { } uneven)
            {
                lines.Add(uneven);
                continue;
            }
            var errors = new List<FieldError>();
            var organisation = places.Organisation(row.Cells[0], row.Cells[1], errors);
            var name = row.Cells[2].Trim();
            var position = positions.FirstOrDefault(p => Same(p.Code, name) || Same(p.NameUk, name) || Same(p.NameEn, name));
            if (position is null)
            {
                errors.Add(new FieldError("position", "Import:Error:UnknownPosition", name));
            }
            var posts = Whole(row.Cells[3], "posts", errors, required: true);
            if (posts is { } count && FundedPosts.Check(count, "posts") is { } range)
            {
                errors.Add(range);
            }
            var outcome = ImportOutcome.Invalid;
            if (errors.Count == 0 && organisation is not null && position is not null && posts is { } value)
            {
                var key = (organisation.Id, position.Id);
                if (firstLine.TryGetValue(key, out var earlier))
                {
                    errors.Add(new FieldError("Row", "Import:Error:RepeatedLine", earlier));
                }
                else
                {
                    firstLine[key] = row.Line;
                    outcome = StagePosts(db, existing, key, value);
                }
            }
            lines.Add(new ImportLine(row.Line, row.Cells, errors.Count == 0 ? outcome : ImportOutcome.Invalid, errors));
        }
        return lines;
    }

    private static ImportOutcome StagePosts(WorkforceDbContext db, Dictionary<(Guid, Guid), FundedPosts> existing, (Guid Organisation, Guid Position) key, int posts)
    {
        if (existing.TryGetValue(key, out var current))
        {
            if (current.Posts == posts)
            {
                return ImportOutcome.Unchanged;
            }
            current.Set(posts);
            return ImportOutcome.Update;
        }
        if (posts == 0)
        {
            return ImportOutcome.Unchanged;
        }
        db.FundedPosts.Add(FundedPosts.Create(key.Organisation, key.Position, posts).Value);
        return ImportOutcome.Create;
    }

    private async Task<IReadOnlyList<ImportLine>> PlanCaseLoadAsync(WorkforceDbContext db, CsvTable table, Places places, CancellationToken cancellationToken)
    {
        var existing = await db.Communities.ToDictionaryAsync(c => c.HromadaId, cancellationToken);
        var firstLine = new Dictionary<Guid, int>();
        var lines = new List<ImportLine>();
        foreach (var row in table.Rows)
        {
            if (Uneven(row) is { } uneven)
            {
                lines.Add(uneven);
                continue;
            }
            var errors = new List<FieldError>();
            var hromada = places.Hromada(row.Cells[0], errors);
            var settlement = SettlementOf(row.Cells[1], errors);
            var families = Whole(row.Cells[2], "families_in_difficulty", errors);
            var children = Whole(row.Cells[3], "children_with_disabilities", errors);
            errors.AddRange(CommunityProfile.Check(families, children).Select(e => e with
            {
                Field = e.Field == nameof(CommunityProfile.FamiliesInDifficulty) ? "families_in_difficulty" : "children_with_disabilities",
            }));
            var outcome = ImportOutcome.Invalid;
            if (errors.Count == 0 && hromada is not null)
            {
                if (firstLine.TryGetValue(hromada.Id, out var earlier))
                {
                    errors.Add(new FieldError("Row", "Import:Error:RepeatedLine", earlier));
                }
                else
                {
                    firstLine[hromada.Id] = row.Line;
                    outcome = StageCaseLoad(db, existing, hromada.Id, settlement, families, children);
                }
            }
            lines.Add(new ImportLine(row.Line, row.Cells, errors.Count == 0 ? outcome : ImportOutcome.Invalid, errors));
        }
        return lines;
    }

    /// <summary>An empty cell keeps what the hromada reported before, so a file may refresh one figure alone.</summary>
    private static ImportOutcome StageCaseLoad(
        WorkforceDbContext db, Dictionary<Guid, CommunityProfile> existing, Guid hromadaId, Settlement? settlement, int? families, int? children)
    {
        var isNew = !existing.TryGetValue(hromadaId, out var profile);
        if (profile is null)
        {
            profile = new CommunityProfile { HromadaId = hromadaId };
            db.Communities.Add(profile);
        }
        var next = (settlement ?? profile.Settlement, families ?? profile.FamiliesInDifficulty, children ?? profile.ChildrenWithDisabilities);
        if (!isNew && next == (profile.Settlement, profile.FamiliesInDifficulty, profile.ChildrenWithDisabilities))
        {
            return ImportOutcome.Unchanged;
        }
        profile.Report(next.Item1, next.Item2, next.Item3);
        return isNew ? ImportOutcome.Create : ImportOutcome.Update;
    }

    /// <summary>A line without a cell for every column (both kinds have four), shown with the count it has.</summary>
    private static ImportLine? Uneven(CsvRow row) => row.Cells.Length == 4 ? null
        : new ImportLine(row.Line, row.Cells, ImportOutcome.Invalid, [new FieldError("Row", "Import:Error:ColumnCount", 4, row.Cells.Length)]);

    private static Settlement? SettlementOf(string cell, List<FieldError> errors)
    {
        var value = cell.Trim().ToLowerInvariant();
        switch (value)
        {
            case "":
                return null;
            case "urban" or "міська" or "місто":
                return Settlement.Urban;
            case "rural" or "сільська" or "село" or "селищна":
                return Settlement.Rural;
        }
        errors.Add(new FieldError("settlement", "Import:Error:UnknownSettlement", cell.Trim()));
        return null;
    }

    private static int? Whole(string cell, string field, List<FieldError> errors, bool required = false)
    {
        var value = cell.Trim().Replace(" ", "").Replace("\u00A0", "");
        if (value.Length == 0)
        {
            if (required)
            {
                errors.Add(new FieldError(field, "Import:Error:Required", field));
            }
            return null;
        }
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        errors.Add(new FieldError(field, "Import:Error:NotANumber", cell.Trim()));
        return null;
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b, StringComparison.OrdinalIgnoreCase);

    /// <summary>Finds the units a file names and whether they lie in the importer's area, from one read of the tree.</summary>
    private sealed class Places(IReadOnlyList<OrganisationUnitSummary> all, UnitScope area)
    {
        private readonly Dictionary<Guid, OrganisationUnitSummary> _byId = all.ToDictionary(u => u.Id);
        private readonly Dictionary<string, OrganisationUnitSummary> _byCode = all.Where(u => u.KatottgCode is not null)
            .ToDictionary(u => u.KatottgCode!, StringComparer.OrdinalIgnoreCase);
        private readonly ILookup<Guid?, OrganisationUnitSummary> _children = all.ToLookup(u => u.ParentId);

        public OrganisationUnitSummary? Hromada(string code, List<FieldError> errors)
        {
            if (!_byCode.TryGetValue(code.Trim(), out var hromada) || hromada.Type != UnitType.Hromada)
            {
                errors.Add(new FieldError("hromada_katottg", "Import:Error:UnknownHromada", code.Trim()));
                return null;
            }
            return InArea(hromada, errors);
        }

        public OrganisationUnitSummary? Organisation(string code, string name, List<FieldError> errors)
        {
            if (!_byCode.TryGetValue(code.Trim(), out var hromada) || hromada.Type != UnitType.Hromada)
            {
                errors.Add(new FieldError("hromada_katottg", "Import:Error:UnknownHromada", code.Trim()));
                return null;
            }
            var organisation = _children[hromada.Id].FirstOrDefault(u => u.Type == UnitType.Organisation && (Same(u.Name, name.Trim()) || Same(u.NameEn ?? "", name.Trim())));
            if (organisation is null)
            {
                errors.Add(new FieldError("organisation", "Import:Error:UnknownOrganisation", name.Trim(), hromada.DisplayName));
                return null;
            }
            return InArea(organisation, errors);
        }

        private OrganisationUnitSummary? InArea(OrganisationUnitSummary unit, List<FieldError> errors)
        {
            if (!area.Contains(Ancestry(unit)))
            {
                errors.Add(new FieldError("Row", "Import:Error:OutsideArea", unit.DisplayName));
                return null;
            }
            return unit;
        }

        private IEnumerable<Guid> Ancestry(OrganisationUnitSummary unit)
        {
            for (OrganisationUnitSummary? current = unit; current is not null; current = current.ParentId is { } parent ? _byId.GetValueOrDefault(parent) : null)
            {
                yield return current.Id;
            }
        }
    }
}
