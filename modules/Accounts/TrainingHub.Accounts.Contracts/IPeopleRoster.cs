namespace TrainingHub.Accounts.Contracts;

/// <summary>Everyone, active or not, page by page: for modules that reconcile their copy of people with Accounts.</summary>
public interface IPeopleRoster
{
    /// <summary>Up to <paramref name="count"/> people after <paramref name="afterId"/> (from the start when null), in id order.</summary>
    Task<IReadOnlyList<PersonContact>> ListAsync(Guid? afterId, int count, CancellationToken cancellationToken = default);
}

public static class PeopleRosterExtensions
{
    /// <summary>
    /// Hands everyone to <paramref name="take"/> a page at a time, for a module reconciling its copy of people, and returns
    /// who was listed, so that the module can forget anyone else.
    /// </summary>
    public static async Task<IReadOnlySet<Guid>> EachPageAsync(
        this IPeopleRoster roster, int pageSize, Func<IReadOnlyList<PersonContact>, Task> take, CancellationToken cancellationToken = default)
    {
        var listed = new HashSet<Guid>();
        Guid? after = null;
        while (await roster.ListAsync(after, pageSize, cancellationToken) is { Count: > 0 } page)
        {
            await take(page);
            listed.UnionWith(page.Select(p => p.Id));
            after = page[^1].Id;
        }
        return listed;
    }
}
