using Microsoft.EntityFrameworkCore;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Wellbeing.Contracts;
using TrainingHub.Wellbeing.Data;

namespace TrainingHub.Wellbeing.Support;

/// <summary>A support resource as a form enters it, in both languages.</summary>
internal sealed class SupportResourceInput
{
    public string? NameUk { get; set; }

    public string? NameEn { get; set; }

    public string? DetailsUk { get; set; }

    public string? DetailsEn { get; set; }
}

internal sealed record SupportResourceRow(Guid Id, string Name, string Details, string NameUk, string NameEn);

/// <summary>The support resources administrators maintain; everyone who checks in reads them.</summary>
internal sealed class SupportResources(IDbContextFactory<WellbeingDbContext> dbFactory, IAccessControl access, TimeProvider clock)
{
    public bool CanManage => access.HasPermission(WellbeingPermissions.ResourcesManage);

    public async Task<Result<IReadOnlyList<SupportResourceRow>>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!CanManage && !access.HasPermission(WellbeingPermissions.CheckIn))
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        return (await db.Resources.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(r => r.CreatedAt).Select(r => new SupportResourceRow(r.Id, r.Name, r.Details, r.NameUk, r.NameEn)).ToList();
    }

    public async Task<Result<Guid>> AddAsync(SupportResourceInput input, CancellationToken cancellationToken = default)
    {
        if (!CanManage)
        {
            return Error.Forbidden;
        }
        var errors = new List<FieldError>();
        string? Clean(string? text, string field, int max)
        {
            var clean = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
            if (clean is null)
            {
                errors.Add(new(field, "Resources:Error:Required"));
            }
            else if (clean.Length > max)
            {
                errors.Add(new(field, "Resources:Error:TooLong", max));
            }
            return clean;
        }
        var resource = new SupportResource
        {
            NameUk = Clean(input.NameUk, nameof(input.NameUk), SupportResource.MaxNameLength)!,
            NameEn = Clean(input.NameEn, nameof(input.NameEn), SupportResource.MaxNameLength)!,
            DetailsUk = Clean(input.DetailsUk, nameof(input.DetailsUk), SupportResource.MaxDetailsLength)!,
            DetailsEn = Clean(input.DetailsEn, nameof(input.DetailsEn), SupportResource.MaxDetailsLength)!,
            CreatedAt = clock.GetUtcNow(),
        };
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        await using var db = dbFactory.CreateDbContext();
        db.Resources.Add(resource);
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : resource.Id;
    }

    public async Task<Result> RemoveAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!CanManage)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        if (await db.Resources.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } resource)
        {
            return Error.NotFound;
        }
        db.Resources.Remove(resource);
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }
}
