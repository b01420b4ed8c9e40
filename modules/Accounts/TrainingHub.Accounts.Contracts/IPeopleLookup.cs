namespace TrainingHub.Accounts.Contracts;

/// <summary>What another module needs to write to a person: how to address them and in which language.</summary>
/// <param name="PreferredCulture">The language messages to the person are written in, such as <c>uk-UA</c>.</param>
/// <param name="IsActive">False for a deactivated person, who should no longer receive messages.</param>
/// <param name="HomeUnitId">The unit the person belongs to, which decides who may act on their records.</param>
/// <param name="PositionTypeId">The person's position type (see <see cref="IPositionTypes"/>), when one is set.</param>
public sealed record PersonContact(
    Guid Id, string FullName, string Email, string PreferredCulture, bool IsActive, Guid? HomeUnitId = null, Guid? PositionTypeId = null);

/// <summary>
/// Finds a person's contact details for messages sent on the system's behalf (notifications, reminders).
/// It checks no permission: it is for background work, never for showing people to someone.
/// </summary>
public interface IPeopleLookup
{
    Task<PersonContact?> FindAsync(Guid personId, CancellationToken cancellationToken = default);

    Task<PersonContact?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>Everyone of <paramref name="personIds"/> who exists, in one look-up, in no particular order; unknown ids are left out.</summary>
    Task<IReadOnlyList<PersonContact>> FindManyAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken = default);
}
