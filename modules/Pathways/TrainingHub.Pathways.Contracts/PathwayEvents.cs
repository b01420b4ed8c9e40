using TrainingHub.SharedKernel.Events;

namespace TrainingHub.Pathways.Contracts;

/// <summary>
/// A person reached a stage of their pathway (a coordinator approved their progression). Published with the approval;
/// the accounts module takes in the position type the pathway now gives them (see <see cref="IPathwayPositions"/>).
/// </summary>
[IntegrationEvent("Pathways.StageReached")]
public sealed record StageReached(Guid PersonId, Guid PlacementId, int Stage, DateOnly ReachedOn);

/// <summary>Someone asked for a person's progression to their next stage; coordinators over the person's unit are told.</summary>
[IntegrationEvent("Pathways.ProgressionRequested")]
public sealed record ProgressionRequested(Guid RequestId, Guid PersonId, Guid? UnitId, Guid RequestedById);

/// <summary>A coordinator approved or declined a progression request; the person (and whoever asked for them) is told.</summary>
[IntegrationEvent("Pathways.ProgressionDecided")]
public sealed record ProgressionDecided(Guid RequestId, Guid PersonId, Guid RequestedById, bool Approved);

/// <summary>
/// The position type a person's pathway gives them, for the accounts module to keep people's positions in step. It
/// checks no permission: it answers a fact.
/// </summary>
public interface IPathwayPositions
{
    /// <summary>
    /// The code of the position type of the stage the person has reached, or of the nearest stage before it that names
    /// one; null when they are on no pathway or no such stage names one.
    /// </summary>
    Task<string?> CurrentPositionCodeAsync(Guid personId, CancellationToken cancellationToken = default);
}

/// <summary>A certificate was issued for a stage reached; reminders of its expiry are planned from it.</summary>
[IntegrationEvent("Pathways.CertificateIssued")]
public sealed record CertificateIssued(Guid CertificateId, Guid PersonId, string Number, DateOnly? ValidUntil);

/// <summary>A coordinator revoked a certificate; its reminders stop and the person is told.</summary>
[IntegrationEvent("Pathways.CertificateRevoked")]
public sealed record CertificateRevoked(Guid CertificateId, Guid PersonId, string Number);

/// <summary>
/// A certificate was renewed by a new one (by its holder or a coordinator): the old one's reminders stop, the new one's
/// are planned, and the person is told.
/// </summary>
[IntegrationEvent("Pathways.CertificateRenewed")]
public sealed record CertificateRenewed(Guid CertificateId, Guid RenewedWithId, Guid PersonId, string Number, string NewNumber, DateOnly? ValidUntil);

/// <summary>A person recorded (or corrected) training taken elsewhere; their supervisor, or the approvers over their unit, are told.</summary>
[IntegrationEvent("Pathways.ExternalTrainingRecorded")]
public sealed record ExternalTrainingRecorded(Guid TrainingId, Guid PersonId, Guid? UnitId);

/// <summary>An external training was approved (it now counts in the person's professional development) or declined.</summary>
[IntegrationEvent("Pathways.ExternalTrainingDecided")]
public sealed record ExternalTrainingDecided(Guid TrainingId, Guid PersonId, bool Approved);

/// <summary>A person wrote a development plan that waits for agreement (a new one, or an agreed one changed); their supervisor is asked.</summary>
[IntegrationEvent("Pathways.DevelopmentPlanSubmitted")]
public sealed record DevelopmentPlanSubmitted(Guid PlanId, Guid PersonId, Guid? UnitId);

/// <summary>A person's development plan for a year was agreed; the person is told.</summary>
[IntegrationEvent("Pathways.DevelopmentPlanAgreed")]
public sealed record DevelopmentPlanAgreed(Guid PlanId, Guid PersonId, int Year);
