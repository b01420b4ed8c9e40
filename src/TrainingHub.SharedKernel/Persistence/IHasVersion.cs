namespace TrainingHub.SharedKernel.Persistence;

/// <summary>
/// An editable entity whose <see cref="Version"/> changes on every save. Saving with a stale version
/// fails, so two people editing the same thing cannot silently overwrite each other.
/// </summary>
public interface IHasVersion
{
    Guid Version { get; set; }
}
