using System.Text;
using Microsoft.EntityFrameworkCore;
using TrainingHub.SharedKernel.Abuse;
using TrainingHub.SharedKernel.Export;
using TrainingHub.Audit.Contracts;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.Competencies.Exchange;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Competencies.Services;

internal enum ExchangeFormat
{
    MoodleCsv,
    CasePackage,
}

internal sealed record ImportedFramework(Guid FrameworkId, int VersionNumber, int AreaCount, int CompetencyCount);


/// <summary>
/// Frameworks in and out as files: Moodle's competency framework CSV and CASE 1.0 packages. An import is read and
/// shown first, then written in one save or not at all: a new framework, or a new draft version of one with the same
/// code. An export writes one version, so an export imported again gives back the same tree, codes, scale and texts.
/// </summary>
internal sealed class FrameworkExchange(
    IDbContextFactory<CompetenciesDbContext> dbFactory, IAccessControl access, TimeProvider clock, IAuditTrail audit, RateLimits limits,
    ICurrentUser currentUser)
{
    public bool CanImport => access.HasPermission(CompetencyPermissions.FrameworksImport);

    /// <summary>Reads a file without writing anything, for the preview.</summary>
    public FrameworkReadResult Read(byte[] content, ExchangeFormat format) => format switch
    {
        ExchangeFormat.CasePackage => CasePackageJson.Read(content),
        _ => MoodleCompetencyCsv.Read(content),
    };

    public async Task<Result<ImportedFramework>> ImportAsync(byte[] content, ExchangeFormat format, string fileName, CancellationToken cancellationToken = default)
    {
        if (!CanImport)
        {
            return Error.Forbidden;
        }
        var read = Read(content, format);
        if (!read.CanImport)
        {
            return Error.Rule("Exchange:Error:FileHasErrors");
        }
        if (!limits.TryAcquire(RateLimits.Imports, currentUser))
        {
            return RateLimits.TooManyRequests;
        }
        var imported = await WriteAsync(read.Document!, publish: false, cancellationToken);
        if (imported.Succeeded)
        {
            await audit.RecordAsync(new AuditEvent(AuditActions.Imported)
            {
                Module = "Competencies", EntityType = nameof(FrameworkVersion), EntityId = imported.Value.FrameworkId.ToString(),
                Summary = $"{fileName}: {read.Document!.Code} version {imported.Value.VersionNumber}, {imported.Value.CompetencyCount} competencies",
            }, cancellationToken);
        }
        return imported;
    }

    /// <summary>Writes a framework document as a new framework or a new draft (or, for seeding, published) version.</summary>
    internal async Task<Result<ImportedFramework>> WriteAsync(FrameworkDocument document, bool publish, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var now = clock.GetUtcNow();
        var code = CompetencyFramework.Normalize(document.Code);
        var framework = await db.Frameworks.SingleOrDefaultAsync(f => f.NormalizedCode == code, cancellationToken);
        var number = 1;
        if (framework is null)
        {
            framework = new CompetencyFramework { Code = document.Code.Trim(), NormalizedCode = code, CreatedAt = now };
            db.Frameworks.Add(framework);
        }
        else
        {
            var versions = await db.FrameworkVersions.Where(v => v.FrameworkId == framework.Id).ToListAsync(cancellationToken);
            if (versions.Any(v => v.Status == FrameworkStatus.Draft))
            {
                return Error.Rule("Exchange:Error:DraftExists");
            }
            number = versions.Count == 0 ? 1 : versions.Max(v => v.Number) + 1;
        }
        var version = new FrameworkVersion
        {
            FrameworkId = framework.Id, Number = number, Status = publish ? FrameworkStatus.Published : FrameworkStatus.Draft,
            Name = document.NameUk, NameEn = Blank(document.NameEn), Description = Blank(document.DescriptionUk),
            DescriptionEn = Blank(document.DescriptionEn), CreatedAt = now, UpdatedAt = now, PublishedAt = publish ? now : null,
        };
        db.FrameworkVersions.Add(version);
        for (var rank = 0; rank < document.Scale.Count; rank++)
        {
            var level = document.Scale[rank];
            db.ProficiencyLevels.Add(new ProficiencyLevel
            {
                FrameworkVersionId = version.Id, Rank = rank, Name = level.NameUk, NameEn = Blank(level.NameEn),
                IsThreshold = level.IsProficiencyThreshold,
            });
        }
        // Items come parents first, so every parent is known when its children are added.
        var nodes = new Dictionary<string, CompetencyNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in document.Items)
        {
            var node = new CompetencyNode
            {
                FrameworkVersionId = version.Id, Kind = item.IsArea ? NodeKind.Area : NodeKind.Competency,
                Code = item.Code, NormalizedCode = CompetencyFramework.Normalize(item.Code),
                Name = item.ShortNameUk, NameEn = Blank(item.ShortNameEn),
                Description = Blank(item.DescriptionUk), DescriptionEn = Blank(item.DescriptionEn),
                ParentId = item.ParentCode is { } parent ? nodes[parent].Id : null,
                Order = item.Order - 1,
            };
            nodes[item.Code] = node;
            db.Nodes.Add(node);
        }
        foreach (var item in document.Items)
        {
            foreach (var related in item.RelatedCodes.Where(nodes.ContainsKey).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                db.NodeReferences.Add(new NodeReference { NodeId = nodes[item.Code].Id, RelatedNodeId = nodes[related].Id });
            }
        }
        if (await db.SaveOrErrorAsync(cancellationToken) is { } error)
        {
            return error;
        }
        return new ImportedFramework(framework.Id, number, document.AreaCount, document.CompetencyCount);
    }

    /// <summary>One version as a file; drafts only for those who may edit frameworks.</summary>
    public async Task<Result<ExportedFile>> ExportAsync(Guid frameworkId, int number, ExchangeFormat format, Uri baseUri, CancellationToken cancellationToken = default)
    {
        if (!access.HasPermission(CompetencyPermissions.FrameworksView))
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var framework = await db.Frameworks.AsNoTracking().SingleOrDefaultAsync(f => f.Id == frameworkId, cancellationToken);
        var version = await db.FrameworkVersions.AsNoTracking().SingleOrDefaultAsync(v => v.FrameworkId == frameworkId && v.Number == number, cancellationToken);
        if (framework is null || version is null
            || (version.Status == FrameworkStatus.Draft && !access.HasPermission(CompetencyPermissions.FrameworksEdit)))
        {
            return Error.NotFound;
        }
        var document = await ToDocumentAsync(db, framework, version, cancellationToken);
        var name = $"{framework.Code}-v{version.Number}";
        return format == ExchangeFormat.CasePackage
            ? new ExportedFile(CasePackageJson.Write(document, new CaseExportOptions(baseUri.ToString().TrimEnd('/') + "/ims/case/v1p0", "TrainingHub", version.UpdatedAt)),
                $"{name}.json", "application/json")
            : new ExportedFile(MoodleCompetencyCsv.Write(document), $"{name}.csv", "text/csv");
    }

    private static async Task<FrameworkDocument> ToDocumentAsync(
        CompetenciesDbContext db, CompetencyFramework framework, FrameworkVersion version, CancellationToken cancellationToken)
    {
        var levels = await db.ProficiencyLevels.AsNoTracking().Where(l => l.FrameworkVersionId == version.Id).OrderBy(l => l.Rank).ToListAsync(cancellationToken);
        var nodes = await db.Nodes.AsNoTracking().Where(n => n.FrameworkVersionId == version.Id).ToListAsync(cancellationToken);
        var ids = nodes.Select(n => n.Id).ToList();
        var references = (await db.NodeReferences.AsNoTracking().Where(r => ids.Contains(r.NodeId)).ToListAsync(cancellationToken))
            .ToLookup(r => r.NodeId, r => r.RelatedNodeId);
        var byId = nodes.ToDictionary(n => n.Id);
        var children = nodes.ToLookup(n => n.ParentId);
        var items = new List<FrameworkItem>();
        void Walk(Guid? parentId)
        {
            foreach (var node in children[parentId].OrderBy(n => n.Order))
            {
                items.Add(new FrameworkItem
                {
                    Code = node.Code, ParentCode = parentId is { } p ? byId[p].Code : null, IsArea = node.Kind == NodeKind.Area,
                    ShortNameUk = node.Name, ShortNameEn = node.NameEn ?? "", DescriptionUk = node.Description ?? "", DescriptionEn = node.DescriptionEn ?? "",
                    Order = items.Count(i => i.ParentCode == (parentId is { } q ? byId[q].Code : null)) + 1,
                    RelatedCodes = references[node.Id].Where(byId.ContainsKey).Select(r => byId[r].Code).Order(StringComparer.Ordinal).ToList(),
                });
                Walk(node.Id);
            }
        }
        Walk(null);
        return new FrameworkDocument
        {
            Code = framework.Code, NameUk = version.Name, NameEn = version.NameEn ?? "",
            DescriptionUk = version.Description ?? "", DescriptionEn = version.DescriptionEn ?? "",
            Version = version.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The database keeps no separate "default" level; the threshold is what an award gives unless said otherwise.
            Scale = levels.Select(l => new ScaleLevel(l.Name, l.NameEn ?? "", l.IsThreshold, l.IsThreshold)).ToList(),
            Items = items,
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
