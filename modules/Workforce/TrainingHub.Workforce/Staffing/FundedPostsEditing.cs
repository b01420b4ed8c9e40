using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Workforce.Contracts;
using TrainingHub.Workforce.Data;

namespace TrainingHub.Workforce.Staffing;

/// <summary>
/// A position's line of an organisation's staffing table as the form edits it: the posts funded, the people holding the
/// position there now, and the version the form read (null where no posts were set yet).
/// </summary>
internal sealed class PostsInput
{
    public Guid PositionTypeId { get; init; }

    public string Name { get; init; } = "";

    public int Posts { get; set; }

    public int Filled { get; init; }

    public Guid? Version { get; init; }
}

/// <summary>The staffing table of an organisation, edited by coordinators over it (<see cref="WorkforcePermissions.StaffingEdit"/>).</summary>
internal sealed class FundedPostsEditing(
    IDbContextFactory<WorkforceDbContext> dbFactory, IAccessControl access, IOrganisationDirectory units, IPositionTypes positionTypes)
{
    /// <summary>A line for every position type, with the posts set so far (none: 0).</summary>
    public async Task<Result<IReadOnlyList<PostsInput>>> OfAsync(Guid organisationId, CancellationToken cancellationToken = default)
    {
        if (await CheckAsync(organisationId, cancellationToken) is { } error)
        {
            return error;
        }
        await using var db = dbFactory.CreateDbContext();
        var posts = await db.FundedPosts.AsNoTracking().Where(p => p.OrganisationId == organisationId).ToDictionaryAsync(p => p.PositionTypeId, cancellationToken);
        var filled = await db.Staff.Where(m => m.IsActive && m.UnitId == organisationId && m.PositionTypeId != null)
            .GroupBy(m => m.PositionTypeId!.Value).Select(g => new { g.Key, People = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.People, cancellationToken);
        return (await positionTypes.ListAsync(cancellationToken)).Select(t => new PostsInput
        {
            PositionTypeId = t.Id, Name = t.Name(Cultures.ReadsEnglish), Posts = posts.GetValueOrDefault(t.Id)?.Posts ?? 0,
            Filled = filled.GetValueOrDefault(t.Id), Version = posts.GetValueOrDefault(t.Id)?.Version,
        }).ToList();
    }

    /// <summary>
    /// Saves the lines together or none of them; a line someone else changed since it was read is a conflict. A field
    /// error names the position type whose count is wrong.
    /// </summary>
    public async Task<Result> SaveAsync(Guid organisationId, IReadOnlyList<PostsInput> lines, CancellationToken cancellationToken = default)
    {
        if (await CheckAsync(organisationId, cancellationToken) is { } error)
        {
            return error;
        }
        var errors = lines.Select(l => FundedPosts.Check(l.Posts, l.PositionTypeId.ToString())).OfType<FieldError>().ToList();
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        var known = (await positionTypes.ListAsync(cancellationToken)).Select(t => t.Id).ToHashSet();
        if (lines.Any(l => !known.Contains(l.PositionTypeId)) || lines.DistinctBy(l => l.PositionTypeId).Count() != lines.Count)
        {
            return Error.NotFound;
        }
        await using var db = dbFactory.CreateDbContext();
        var existing = await db.FundedPosts.Where(p => p.OrganisationId == organisationId).ToDictionaryAsync(p => p.PositionTypeId, cancellationToken);
        foreach (var line in lines)
        {
            if (existing.TryGetValue(line.PositionTypeId, out var posts))
            {
                if (line.Version != posts.Version)
                {
                    return Error.Conflict;
                }
                posts.Set(line.Posts);
            }
            else if (line.Version is not null)
            {
                return Error.Conflict;
            }
            else if (line.Posts > 0)
            {
                db.FundedPosts.Add(FundedPosts.Create(organisationId, line.PositionTypeId, line.Posts).Value);
            }
        }
        return await db.SaveOrErrorAsync(cancellationToken) is { } saveError ? saveError : Result.Success();
    }

    /// <summary>Only organisations have staffing tables, and only coordinators over them edit them.</summary>
    private async Task<Error?> CheckAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        if (!await access.IsGrantedAsync(WorkforcePermissions.StaffingEdit, organisationId, cancellationToken))
        {
            return Error.Forbidden;
        }
        return await units.FindAsync(organisationId, cancellationToken) is { Type: UnitType.Organisation } ? null : Error.NotFound;
    }
}
