using TrainingHub.SharedKernel.Files;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Competencies.Services;

/// <summary>A file as the browser sent it, before the upload rules have looked at it.</summary>
internal sealed record UploadedFile(byte[] Content, string? FileName);

/// <summary>What a person or an assessor types when recording evidence.</summary>
internal sealed class EvidenceInput
{
    public string? Title { get; set; }
    public string? Note { get; set; }
    public string? Link { get; set; }
    public decimal? Hours { get; set; }
    public int? SuggestedLevelRank { get; set; }
}

internal static class EvidenceRules
{
    public const int MaxTitleLength = 200;
    public const int MaxNoteLength = 2000;
    public const int MaxLinkLength = 2000;
    public const decimal MaxHours = 1000;

    /// <summary>The title, note, link and hours of evidence of this kind; prior learning needs a file or a link.</summary>
    public static List<FieldError> Check(EvidenceInput input, EvidenceKind kind, bool hasFile)
    {
        var errors = new List<FieldError>();
        var title = FrameworkRules.Clean(input.Title);
        if (title is null)
        {
            errors.Add(new("Title", "Error:EvidenceTitleRequired"));
        }
        else if (title.Length > MaxTitleLength)
        {
            errors.Add(new("Title", "Error:TooLong", MaxTitleLength));
        }
        if (FrameworkRules.Clean(input.Note)?.Length > MaxNoteLength)
        {
            errors.Add(new("Note", "Error:TooLong", MaxNoteLength));
        }
        var link = FrameworkRules.Clean(input.Link);
        if (link is not null && (link.Length > MaxLinkLength || !IsWebAddress(link)))
        {
            errors.Add(new("Link", "Error:EvidenceLinkInvalid"));
        }
        if (kind == EvidenceKind.PracticeHours && input.Hours is not (> 0 and <= MaxHours))
        {
            errors.Add(new("Hours", "Error:EvidenceHoursRange", MaxHours));
        }
        if (kind == EvidenceKind.PriorLearning && !hasFile && link is null)
        {
            errors.Add(new("Link", "Error:EvidenceNeedsFileOrLink"));
        }
        return errors;
    }

    /// <summary>Only absolute web addresses, so that a link never runs script or opens a local file.</summary>
    public static bool IsWebAddress(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

/// <summary>Evidence a rating cites, as its history shows it.</summary>
internal sealed record CitedEvidence(Guid Id, EvidenceKind Kind, string Title);

/// <summary>One piece of evidence as the person and their assessors see it.</summary>
/// <param name="RecordedByName">Null when the platform recorded it (a completed course).</param>
internal sealed record EvidenceEntry(
    Guid Id, Guid LineageId, EvidenceKind Kind, string Title, string? Note, string? Link, string? FileName, long? FileSize, decimal? Hours,
    int? SuggestedLevelRank, string? RecordedByName, DateTimeOffset RecordedAt, bool IsCited, bool CanDelete)
{
    public string FileUrl => $"competencies/evidence/{Id}/file";
}

internal sealed record EvidenceDownload(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Evidence on behalf of the current user. A person adds prior learning for the competencies of their profile and deletes
/// it while no rating cites it; someone who may assess the person (see <see cref="CompetencyRatings"/>) adds observations
/// and practice hours. Evidence is read, and its files downloaded, only by the person and those who may assess them.
/// </summary>
internal sealed class CompetencyEvidence(
    IDbContextFactory<CompetenciesDbContext> dbFactory, CompetencyRatings ratings, ICurrentUser currentUser, IPeopleLookup people, TimeProvider clock)
{
    /// <summary>The signed-in person's own prior learning (a file, a link or both) for a competency their position requires.</summary>
    public async Task<Result<Guid>> AddPriorLearningAsync(Guid competencyId, EvidenceInput input, UploadedFile? file, CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } me)
        {
            return Error.Forbidden;
        }
        var positionTypeId = (await people.FindAsync(me, cancellationToken))?.PositionTypeId;
        await using var db = dbFactory.CreateDbContext();
        var node = await (
                from requirement in db.RoleRequirements
                join version in db.FrameworkVersions on requirement.FrameworkVersionId equals version.Id
                join competency in db.Nodes on requirement.NodeId equals competency.Id
                where requirement.NodeId == competencyId && requirement.PositionTypeId == positionTypeId && version.Status == FrameworkStatus.Published
                select competency)
            .AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (node is null)
        {
            return Error.Rule("Error:EvidenceNotInProfile");
        }
        var checkedFile = file is null ? null : DocumentFiles.Check(file.Content, file.FileName);
        if (checkedFile is not null && checkedFile.Failed(out var error))
        {
            return error;
        }
        return await AddAsync(db, me, node, EvidenceKind.PriorLearning, input, checkedFile?.Value, cancellationToken);
    }

    /// <summary>An assessor's observation or approved practice hours for a person they may assess.</summary>
    public async Task<Result<Guid>> AddForPersonAsync(Guid personId, Guid competencyId, EvidenceKind kind, EvidenceInput input, CancellationToken cancellationToken = default)
    {
        if (kind is not (EvidenceKind.Observation or EvidenceKind.PracticeHours)
            || currentUser.UserId == personId || !await ratings.MayAssessAsync(personId, cancellationToken))
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var node = await PublishedCompetencies(db).SingleOrDefaultAsync(n => n.Id == competencyId, cancellationToken);
        if (node is null)
        {
            return Error.NotFound;
        }
        return await AddAsync(db, personId, node, kind, input, null, cancellationToken);
    }

    /// <summary>The person's evidence, newest first; for the person themselves and those who may assess them.</summary>
    public async Task<Result<IReadOnlyList<EvidenceEntry>>> ForPersonAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        if (!await MaySeeAsync(personId, cancellationToken))
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var rows = await db.Evidence.AsNoTracking().Where(e => e.PersonId == personId)
            .Select(e => new { Evidence = e, IsCited = db.RatingEvidence.Any(c => c.EvidenceId == e.Id) })
            .ToListAsync(cancellationToken);
        var names = new Dictionary<Guid, string?> { [Guid.Empty] = null };
        foreach (var recorderId in rows.Select(r => r.Evidence.RecordedById).Distinct().Where(id => id != Guid.Empty))
        {
            names[recorderId] = (await people.FindAsync(recorderId, cancellationToken))?.FullName ?? "—";
        }
        var mine = currentUser.UserId == personId;
        return rows
            .OrderByDescending(r => r.Evidence.RecordedAt).ThenBy(r => r.Evidence.Id)
            .Select(r =>
            {
                var e = r.Evidence;
                return new EvidenceEntry(e.Id, e.LineageId, e.Kind, e.Title, e.Note, e.Link, e.FileName, e.FileSize, e.Hours, e.SuggestedLevelRank,
                    names[e.RecordedById], e.RecordedAt, r.IsCited, mine && e.Kind == EvidenceKind.PriorLearning && !r.IsCited);
            })
            .ToList();
    }

    /// <summary>The signed-in person deletes their own prior learning, as long as no rating cites it.</summary>
    public async Task<Result> DeleteAsync(Guid evidenceId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var evidence = await db.Evidence.SingleOrDefaultAsync(e => e.Id == evidenceId, cancellationToken);
        if (evidence is null || currentUser.UserId != evidence.PersonId)
        {
            return Error.NotFound;
        }
        if (evidence.Kind != EvidenceKind.PriorLearning)
        {
            return Error.Forbidden;
        }
        if (await db.RatingEvidence.AnyAsync(c => c.EvidenceId == evidenceId, cancellationToken))
        {
            return Error.Rule("Error:EvidenceCited");
        }
        db.Evidence.Remove(evidence);
        // A rating that cites it meanwhile makes the delete fail on the foreign key, which is the same answer.
        return await db.SaveOrErrorAsync(cancellationToken) is null ? Result.Success() : Error.Rule("Error:EvidenceCited");
    }

    /// <summary>
    /// An evidence file for the person or those who may assess them. Anyone else is told it is not found, so that the
    /// address reveals nothing about whether it exists.
    /// </summary>
    public async Task<Result<EvidenceDownload>> OpenFileAsync(Guid evidenceId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var evidence = await db.Evidence.AsNoTracking().SingleOrDefaultAsync(e => e.Id == evidenceId, cancellationToken);
        if (evidence?.FileName is null || !await MaySeeAsync(evidence.PersonId, cancellationToken))
        {
            return Error.NotFound;
        }
        var content = await db.EvidenceFiles.Where(f => f.EvidenceId == evidenceId).Select(f => f.Content).SingleAsync(cancellationToken);
        return new EvidenceDownload(content, evidence.ContentType!, evidence.FileName);
    }

    /// <summary>Competencies (not areas) of published versions: the only ones evidence is recorded against.</summary>
    internal static IQueryable<CompetencyNode> PublishedCompetencies(CompetenciesDbContext db) =>
        from node in db.Nodes.AsNoTracking()
        join version in db.FrameworkVersions on node.FrameworkVersionId equals version.Id
        where node.Kind == NodeKind.Competency && version.Status == FrameworkStatus.Published
        select node;

    /// <summary>Checks the input against the rules and the node's scale, then adds the evidence and any file in one save.</summary>
    internal static async Task<Result<Guid>> RecordAsync(
        CompetenciesDbContext db, Guid personId, CompetencyNode node, EvidenceKind kind, EvidenceInput input, CheckedFile? file,
        Guid recordedById, DateTimeOffset recordedAt, string? sourceReference, CancellationToken cancellationToken)
    {
        var errors = EvidenceRules.Check(input, kind, file is not null);
        if (input.SuggestedLevelRank is { } rank
            && (rank < 0 || rank >= await db.ProficiencyLevels.CountAsync(l => l.FrameworkVersionId == node.FrameworkVersionId, cancellationToken)))
        {
            errors.Add(new("SuggestedLevelRank", "Error:LevelNotInScale"));
        }
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        var evidence = new Evidence
        {
            PersonId = personId, LineageId = node.LineageId, NodeId = node.Id, Kind = kind,
            Title = FrameworkRules.Clean(input.Title)!, Note = FrameworkRules.Clean(input.Note), Link = FrameworkRules.Clean(input.Link),
            Hours = kind == EvidenceKind.PracticeHours ? input.Hours : null, SuggestedLevelRank = input.SuggestedLevelRank,
            FileName = file?.FileName, ContentType = file?.ContentType, FileSize = file?.Content.LongLength,
            SourceReference = sourceReference, RecordedById = recordedById, RecordedAt = recordedAt,
        };
        db.Evidence.Add(evidence);
        if (file is not null)
        {
            db.EvidenceFiles.Add(new EvidenceFile { EvidenceId = evidence.Id, Content = file.Content });
        }
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : evidence.Id;
    }

    private Task<Result<Guid>> AddAsync(
        CompetenciesDbContext db, Guid personId, CompetencyNode node, EvidenceKind kind, EvidenceInput input, CheckedFile? file, CancellationToken cancellationToken) =>
        RecordAsync(db, personId, node, kind, input, file, currentUser.UserId!.Value, clock.GetUtcNow(), null, cancellationToken);

    private async Task<bool> MaySeeAsync(Guid personId, CancellationToken cancellationToken) =>
        currentUser.UserId is { } me && (me == personId || await ratings.MayReadAsync(personId, cancellationToken));
}
