namespace TrainingHub.Accounts.Contracts;

/// <summary>
/// Told about people who were created or whose name, home unit, position or active flag changed, once the change is
/// saved (after the transaction commits, when there is one). Modules that keep their own copy of people, such as the
/// competency gap view, implement it; a failing observer never undoes the change, and reconciles through
/// <see cref="IPeopleRoster"/> instead.
/// </summary>
public interface IPeopleObserver
{
    Task PeopleChangedAsync(IReadOnlyCollection<PersonContact> people, CancellationToken cancellationToken = default);
}

/// <summary>Everyone, active or not, page by page: for modules that reconcile their copy of people with Accounts.</summary>
public interface IPeopleRoster
{
    /// <summary>Up to <paramref name="count"/> people after <paramref name="afterId"/> (from the start when null), in id order.</summary>
    Task<IReadOnlyList<PersonContact>> ListAsync(Guid? afterId, int count, CancellationToken cancellationToken = default);
}
