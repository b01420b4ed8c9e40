namespace TrainingHub.Accounts.Contracts.Pickers;

/// <summary>A person as a picker offers them: the name and, to tell namesakes apart, the name of their home unit.</summary>
public sealed record PersonOption(Guid Id, string FullName, string? UnitName);

/// <summary>What <see cref="PersonPicker"/> asks the Accounts module, which alone reads people.</summary>
public interface IPersonSearch
{
    /// <summary>
    /// Active people whose home unit lies where the current user holds <paramref name="permission"/> (anyone, when they hold it
    /// everywhere) and whose name contains the text in any case, at most <paramref name="limit"/>, by name. Nothing for an empty
    /// text or a user without the permission.
    /// </summary>
    Task<IReadOnlyList<PersonOption>> SearchAsync(string permission, string? text, int limit, CancellationToken cancellationToken = default);
}
