using Microsoft.EntityFrameworkCore;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Competencies.Services;

/// <summary>
/// Frameworks and their versions on behalf of the current user: the list, one version with its tree and scale,
/// creating, the texts and scale of a draft, publishing, and starting a new draft from the published version.
/// Frameworks are shared by every unit: editing needs <see cref="CompetencyPermissions.FrameworksEdit"/> anywhere, and
/// people without it see only published and archived versions.
/// </summary>
internal sealed class FrameworkCatalogue(IDbContextFactory<CompetenciesDbContext> dbFactory, IAccessControl access, TimeProvider clock)
{
    public bool CanEdit => access.HasPermission(CompetencyPermissions.FrameworksEdit);

    public bool CanImport => access.HasPermission(CompetencyPermissions.FrameworksImport);

    /// <summary>
    /// One page of frameworks whose code or name (either language) contains the search, each shown by the version the
    /// reader would open: editors see the newest one, others the published one (or the last archived).
    /// </summary>
    public async Task<Result<Page<FrameworkSummary>>> SearchAsync(
        string? search, FrameworkStatus? status, PageRequest page, CancellationToken cancellationToken = default)
    {
        if (!access.HasPermission(CompetencyPermissions.FrameworksView))
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        // Frameworks are counted in tens, not thousands: choosing the shown version is simplest in memory.
        var frameworks = await db.Frameworks.AsNoTracking().ToListAsync(cancellationToken);
        var versions = (await db.FrameworkVersions.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(v => v.FrameworkId);
        var competencyCounts = await db.Nodes.Where(n => n.Kind == NodeKind.Competency)
            .GroupBy(n => n.FrameworkVersionId)
            .Select(g => new { VersionId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.VersionId, g => g.Count, cancellationToken);
        var term = search?.Trim();
        var summaries = frameworks
            .Select(f => (Framework: f, Shown: Shown(versions[f.Id].ToList(), preferDraft: CanEdit), HasDraft: versions[f.Id].Any(v => v.Status == FrameworkStatus.Draft)))
            .Where(x => x.Shown is not null)
            .Select(x => new FrameworkSummary(x.Framework.Id, x.Framework.Code, x.Shown!.Name, x.Shown.NameEn, x.Shown.Number, x.Shown.Status,
                competencyCounts.GetValueOrDefault(x.Shown.Id), x.HasDraft))
            .Where(s => status is null || s.Status == status)
            .Where(s => string.IsNullOrEmpty(term)
                || s.Code.Contains(term, StringComparison.OrdinalIgnoreCase)
                || s.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
                || (s.NameEn?.Contains(term, StringComparison.OrdinalIgnoreCase) ?? false))
            .OrderBy(s => s.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(s => s.Code, StringComparer.Ordinal)
            .ToList();
        return new Page<FrameworkSummary>(summaries.Skip(page.Skip).Take(page.Take).ToList(), summaries.Count);
    }

    /// <summary>A framework's version by number, or the one the reader would open when no number is given.</summary>
    public async Task<Result<FrameworkDetails>> GetAsync(Guid frameworkId, int? number = null, CancellationToken cancellationToken = default)
    {
        if (!access.HasPermission(CompetencyPermissions.FrameworksView))
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var framework = await db.Frameworks.AsNoTracking().SingleOrDefaultAsync(f => f.Id == frameworkId, cancellationToken);
        if (framework is null)
        {
            return Error.NotFound;
        }
        var versions = (await db.FrameworkVersions.AsNoTracking().Where(v => v.FrameworkId == frameworkId).ToListAsync(cancellationToken))
            .Where(v => CanEdit || v.Status != FrameworkStatus.Draft)
            .OrderByDescending(v => v.Number)
            .ToList();
        var version = number is { } wanted ? versions.SingleOrDefault(v => v.Number == wanted) : Shown(versions, preferDraft: CanEdit);
        if (version is null)
        {
            return Error.NotFound;
        }
        var nodes = await db.Nodes.AsNoTracking().Where(n => n.FrameworkVersionId == version.Id).ToListAsync(cancellationToken);
        var nodeIds = nodes.Select(n => n.Id).ToList();
        var references = (await db.NodeReferences.AsNoTracking().Where(r => nodeIds.Contains(r.NodeId)).ToListAsync(cancellationToken))
            .ToLookup(r => r.NodeId, r => r.RelatedNodeId);
        var levels = await db.ProficiencyLevels.AsNoTracking().Where(l => l.FrameworkVersionId == version.Id).OrderBy(l => l.Rank).ToListAsync(cancellationToken);
        return new FrameworkDetails(
            framework.Id,
            framework.Code,
            version.Id,
            version.Number,
            version.Status,
            new FrameworkTexts { Name = version.Name, NameEn = version.NameEn, Description = version.Description, DescriptionEn = version.DescriptionEn },
            version.Version,
            versions.Select(v => new VersionSummary(v.Id, v.Number, v.Status, v.CreatedAt, v.PublishedAt, v.ArchivedAt)).ToList(),
            nodes.OrderBy(n => n.Order).Select(n => new NodeView(n.Id, n.ParentId, n.Kind, n.Code, n.Name, n.NameEn, n.Description, n.DescriptionEn,
                n.Order, references[n.Id].ToList(), n.Version)).ToList(),
            levels.Select(l => new LevelInput { Name = l.Name, NameEn = l.NameEn, Description = l.Description, DescriptionEn = l.DescriptionEn, IsThreshold = l.IsThreshold }).ToList(),
            CanEdit);
    }

    /// <summary>Creates a framework with an empty first draft and the default scale; answers the framework's id.</summary>
    public async Task<Result<Guid>> CreateAsync(NewFrameworkInput input, CancellationToken cancellationToken = default)
    {
        if (!CanEdit)
        {
            return Error.Forbidden;
        }
        var errors = FrameworkRules.CheckCode(input.Code);
        errors.AddRange(FrameworkRules.CheckTexts(input.Texts.Name, input.Texts.NameEn, input.Texts.Description, input.Texts.DescriptionEn));
        await using var db = dbFactory.CreateDbContext();
        if (errors.Count == 0 && await db.Frameworks.AnyAsync(f => f.NormalizedCode == CompetencyFramework.Normalize(input.Code), cancellationToken))
        {
            errors.Add(new(nameof(NewFrameworkInput.Code), "Error:FrameworkCodeTaken"));
        }
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        var now = clock.GetUtcNow();
        var framework = new CompetencyFramework { Code = input.Code.Trim(), NormalizedCode = CompetencyFramework.Normalize(input.Code), CreatedAt = now };
        var version = new FrameworkVersion { FrameworkId = framework.Id, Number = 1, Status = FrameworkStatus.Draft, Name = "", CreatedAt = now, UpdatedAt = now };
        Apply(input.Texts, version);
        db.Frameworks.Add(framework);
        db.FrameworkVersions.Add(version);
        db.ProficiencyLevels.AddRange(ToLevels(version.Id, FrameworkRules.DefaultScale()));
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : framework.Id;
    }

    /// <summary>Changes the name and description of a draft.</summary>
    public async Task<Result> UpdateTextsAsync(Guid versionId, FrameworkTexts texts, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await FindDraftAsync(db, versionId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var errors = FrameworkRules.CheckTexts(texts.Name, texts.NameEn, texts.Description, texts.DescriptionEn);
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        var draft = found.Value;
        db.Entry(draft).Property(v => v.Version).OriginalValue = version;
        Apply(texts, draft);
        draft.UpdatedAt = clock.GetUtcNow();
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>Replaces a draft's scale with the given levels, lowest first.</summary>
    public async Task<Result> SaveScaleAsync(Guid versionId, IReadOnlyList<LevelInput> levels, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await FindDraftAsync(db, versionId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var errors = FrameworkRules.CheckScale(levels);
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        var draft = found.Value;
        // The scale is guarded by its version's token: saving a scale stamps the version.
        db.Entry(draft).Property(v => v.Version).OriginalValue = version;
        draft.UpdatedAt = clock.GetUtcNow();
        var existing = await db.ProficiencyLevels.Where(l => l.FrameworkVersionId == versionId).OrderBy(l => l.Rank).ToListAsync(cancellationToken);
        for (var rank = 0; rank < levels.Count; rank++)
        {
            var level = rank < existing.Count ? existing[rank] : db.ProficiencyLevels.Add(new ProficiencyLevel { FrameworkVersionId = versionId, Name = "" }).Entity;
            Apply(levels[rank], rank, level);
        }
        db.ProficiencyLevels.RemoveRange(existing.Skip(levels.Count));
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>Publishes a draft; the version published before it is archived. A draft without competencies is not published.</summary>
    public async Task<Result> PublishAsync(Guid versionId, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await FindDraftAsync(db, versionId, cancellationToken);
        if (!found.TryGetValue(out var draft, out var error))
        {
            return error;
        }
        if (!await db.Nodes.AnyAsync(n => n.FrameworkVersionId == versionId && n.Kind == NodeKind.Competency, cancellationToken))
        {
            return Error.Rule("Error:NothingToPublish");
        }
        db.Entry(draft).Property(v => v.Version).OriginalValue = version;
        var now = clock.GetUtcNow();
        foreach (var published in await db.FrameworkVersions.Where(v => v.FrameworkId == draft.FrameworkId && v.Status == FrameworkStatus.Published).ToListAsync(cancellationToken))
        {
            published.Status = FrameworkStatus.Archived;
            published.ArchivedAt = now;
        }
        draft.Status = FrameworkStatus.Published;
        draft.PublishedAt = now;
        draft.UpdatedAt = now;
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>
    /// The draft to edit a framework in: its existing draft, or a new one copying the newest version's texts, tree,
    /// scale and role profiles with new ids (ratings stay with the version they were made against). Answers the draft's number.
    /// </summary>
    public async Task<Result<int>> StartDraftAsync(Guid frameworkId, CancellationToken cancellationToken = default)
    {
        if (!CanEdit)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var versions = await db.FrameworkVersions.AsNoTracking().Where(v => v.FrameworkId == frameworkId).ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            return Error.NotFound;
        }
        if (versions.SingleOrDefault(v => v.Status == FrameworkStatus.Draft) is { } existing)
        {
            return existing.Number;
        }
        var source = versions.MaxBy(v => v.Number)!;
        var now = clock.GetUtcNow();
        var draft = new FrameworkVersion
        {
            FrameworkId = frameworkId, Number = source.Number + 1, Status = FrameworkStatus.Draft, CreatedAt = now, UpdatedAt = now,
            Name = source.Name, NameEn = source.NameEn, Description = source.Description, DescriptionEn = source.DescriptionEn,
        };
        db.FrameworkVersions.Add(draft);
        var nodes = await db.Nodes.AsNoTracking().Where(n => n.FrameworkVersionId == source.Id).ToListAsync(cancellationToken);
        var newIds = nodes.ToDictionary(n => n.Id, _ => Guid.NewGuid());
        db.Nodes.AddRange(nodes.Select(n => new CompetencyNode
        {
            Id = newIds[n.Id], FrameworkVersionId = draft.Id, LineageId = n.LineageId, ParentId = n.ParentId is { } p ? newIds[p] : null,
            Kind = n.Kind, Code = n.Code, NormalizedCode = n.NormalizedCode, Name = n.Name, NameEn = n.NameEn,
            Description = n.Description, DescriptionEn = n.DescriptionEn, Order = n.Order,
        }));
        var nodeIds = newIds.Keys.ToList();
        var references = await db.NodeReferences.AsNoTracking().Where(r => nodeIds.Contains(r.NodeId)).ToListAsync(cancellationToken);
        db.NodeReferences.AddRange(references.Select(r => new NodeReference { NodeId = newIds[r.NodeId], RelatedNodeId = newIds[r.RelatedNodeId] }));
        // Role profiles carry over too, so a new version does not start with nothing required.
        var requirements = await db.RoleRequirements.AsNoTracking().Where(r => r.FrameworkVersionId == source.Id).ToListAsync(cancellationToken);
        db.RoleRequirements.AddRange(requirements.Select(r => new RoleRequirement
        {
            FrameworkVersionId = draft.Id, PositionTypeId = r.PositionTypeId, NodeId = newIds[r.NodeId], LevelRank = r.LevelRank,
        }));
        var levels = await db.ProficiencyLevels.AsNoTracking().Where(l => l.FrameworkVersionId == source.Id).ToListAsync(cancellationToken);
        db.ProficiencyLevels.AddRange(levels.Select(l => new ProficiencyLevel
        {
            FrameworkVersionId = draft.Id, Rank = l.Rank, Name = l.Name, NameEn = l.NameEn,
            Description = l.Description, DescriptionEn = l.DescriptionEn, IsThreshold = l.IsThreshold,
        }));
        // Two editors starting a draft at once both pick the same number; the unique index lets only one through.
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : draft.Number;
    }

    /// <summary>Loads a version to change it: not found, forbidden without the edit permission, refused unless it is a draft.</summary>
    internal async Task<Result<FrameworkVersion>> FindDraftAsync(CompetenciesDbContext db, Guid versionId, CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Error.Forbidden;
        }
        var version = await db.FrameworkVersions.SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        if (version is null)
        {
            return Error.NotFound;
        }
        return version.Status == FrameworkStatus.Draft ? version : Error.Rule("Error:VersionNotDraft");
    }

    /// <summary>The version a reader opens: the draft for editors when there is one, else the published one, else the newest.</summary>
    private static FrameworkVersion? Shown(IReadOnlyCollection<FrameworkVersion> versions, bool preferDraft) =>
        (preferDraft ? versions.SingleOrDefault(v => v.Status == FrameworkStatus.Draft) : null)
        ?? versions.SingleOrDefault(v => v.Status == FrameworkStatus.Published)
        ?? versions.Where(v => preferDraft || v.Status != FrameworkStatus.Draft).MaxBy(v => v.Number);

    private static void Apply(FrameworkTexts texts, FrameworkVersion version)
    {
        version.Name = texts.Name.Trim();
        version.NameEn = FrameworkRules.Clean(texts.NameEn);
        version.Description = FrameworkRules.Clean(texts.Description);
        version.DescriptionEn = FrameworkRules.Clean(texts.DescriptionEn);
    }

    private static void Apply(LevelInput input, int rank, ProficiencyLevel level)
    {
        level.Rank = rank;
        level.Name = input.Name.Trim();
        level.NameEn = FrameworkRules.Clean(input.NameEn);
        level.Description = FrameworkRules.Clean(input.Description);
        level.DescriptionEn = FrameworkRules.Clean(input.DescriptionEn);
        level.IsThreshold = input.IsThreshold;
    }

    private static IEnumerable<ProficiencyLevel> ToLevels(Guid versionId, IReadOnlyList<LevelInput> levels) =>
        levels.Select((input, rank) =>
        {
            var level = new ProficiencyLevel { FrameworkVersionId = versionId, Name = "" };
            Apply(input, rank, level);
            return level;
        });
}
