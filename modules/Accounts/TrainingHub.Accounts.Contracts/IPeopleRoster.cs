namespace TrainingHub.Accounts.Contracts;

/// <summary>Everyone, active or not, page by page: for modules that reconcile their copy of people with Accounts.</summary>
public interface IPeopleRoster
{
    /// <summary>Up to <paramref name="count"/> people after <paramref name="afterId"/> (from the start when null), in id order.</summary>
    Task<IReadOnlyList<PersonContact>> ListAsync(Guid? afterId, int count, CancellationToken cancellationToken = default);
}
