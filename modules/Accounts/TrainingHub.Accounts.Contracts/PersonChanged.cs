using TrainingHub.SharedKernel.Events;

namespace TrainingHub.Accounts.Contracts;

/// <summary>
/// A person was created, or their name, home unit, position or active flag changed; published with the change,
/// whichever path saved it. Modules that keep their own copy of people take it in; a handler that must not go back to
/// older details when a delivery comes late reads the person's current ones through <see cref="IPeopleLookup"/>.
/// </summary>
[IntegrationEvent("Accounts.PersonChanged")]
public sealed record PersonChanged(Guid PersonId, string FullName, Guid? HomeUnitId, Guid? PositionTypeId, bool IsActive);
