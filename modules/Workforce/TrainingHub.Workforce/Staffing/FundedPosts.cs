using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Workforce.Staffing;

/// <summary>How many posts of one position an organisation is funded for (its staffing table, «штатний розпис»).</summary>
internal sealed class FundedPosts : IHasVersion, IAuditedInUnit
{
    /// <summary>More than any organisation of the sector has: a larger figure is a typing error.</summary>
    public const int MaxPosts = 5_000;

    public Guid Id { get; set; } = Guid.NewGuid();

    Guid? IAuditedInUnit.AuditUnitId => OrganisationId;

    public Guid OrganisationId { get; init; }

    public Guid PositionTypeId { get; init; }

    public int Posts { get; private set; }

    public Guid Version { get; set; }

    /// <summary>Why a count cannot be a number of posts, or null when it can.</summary>
    public static FieldError? Check(int posts, string field) =>
        posts is < 0 or > MaxPosts ? new FieldError(field, "Staffing:Error:PostsOutOfRange", 0, MaxPosts) : null;

    public static Result<FundedPosts> Create(Guid organisationId, Guid positionTypeId, int posts)
    {
        var funded = new FundedPosts { OrganisationId = organisationId, PositionTypeId = positionTypeId };
        return funded.Set(posts) is { } error ? error : funded;
    }

    public Error? Set(int posts)
    {
        if (Check(posts, nameof(Posts)) is { } error)
        {
            return Error.Validation([error]);
        }
        Posts = posts;
        return null;
    }
}
