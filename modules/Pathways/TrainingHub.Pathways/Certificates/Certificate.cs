using System.Security.Cryptography;
using TrainingHub.Pathways.Progress;
using TrainingHub.Pathways.Templates;
using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Pathways.Certificates;

internal enum CertificateStatus
{
    Valid,
    Expired,
    Revoked,
}

/// <summary>
/// A certificate that a person reached a pathway stage: what it certifies, who holds it and who issued it, written down
/// as they were on the day of issue so that it reads the same whenever it is checked; valid until a day (or for good)
/// unless revoked with a reason. Its number is random and long, so that numbers cannot be guessed or enumerated.
/// One that expires is renewed by a new certificate of the same stage (see <see cref="Renew"/>); it keeps its own dates.
/// </summary>
internal sealed class Certificate : IHasVersion, IAuditedInUnit
{
    public const int MaxNameLength = 200;

    public const int MaxReasonLength = 1000;

    /// <summary>Renewal opens this many days before the certificate expires…</summary>
    public const int RenewalOpensDaysBefore = 90;

    /// <summary>…and closes this many months after it expired: later, the stage is to be reached again.</summary>
    public const int RenewalClosesMonthsAfter = 6;

    /// <summary>Characters of a number: no 0/O or 1/I/L to misread from paper.</summary>
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Such as <c>TH-7KQ2-M9XA-P4RT-C8VN</c>: 16 random characters, about 79 bits.</summary>
    public required string Number { get; set; }

    public Guid PersonId { get; set; }

    public required string PersonName { get; set; }

    public Guid PlacementId { get; set; }

    public required string TemplateCode { get; set; }

    public required string PathwayNameUk { get; set; }

    public required string PathwayNameEn { get; set; }

    public int Stage { get; set; }

    public required string StageNameUk { get; set; }

    public required string StageNameEn { get; set; }

    /// <summary>The unit that issued it: the person's home unit on the day.</summary>
    public Guid? UnitId { get; set; }

    public required string IssuerNameUk { get; set; }

    public required string IssuerNameEn { get; set; }

    public DateOnly IssuedOn { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public DateOnly? ValidUntil { get; set; }

    /// <summary>The language the person reads, in which the certificate is drawn.</summary>
    public required string Culture { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public Guid? RevokedById { get; set; }

    public string? RevocationReason { get; set; }

    public DateTimeOffset? RenewedAt { get; set; }

    public Guid? RenewedById { get; set; }

    /// <summary>The certificate that renewed this one.</summary>
    public Guid? RenewedWithId { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    Guid? IAuditedInUnit.AuditUnitId => UnitId;

    public string PathwayName => Cultures.ReadsEnglish ? PathwayNameEn : PathwayNameUk;

    public string StageName => Cultures.ReadsEnglish ? StageNameEn : StageNameUk;

    public string IssuerName => Cultures.ReadsEnglish ? IssuerNameEn : IssuerNameUk;

    public CertificateStatus StatusOn(DateOnly today) =>
        RevokedAt is not null ? CertificateStatus.Revoked
        : ValidUntil is { } until && until < today ? CertificateStatus.Expired
        : CertificateStatus.Valid;

    /// <summary>The certificate of a stage just reached, in the person's language, valid for the months the stage says (if it expires).</summary>
    public static Certificate Issue(
        Placement placement, PathwayTemplate template, PathwayStage stage, string personName, string culture, Guid? unitId, (string Uk, string En) issuer,
        DateOnly today, DateTimeOffset now) =>
        Drawn(placement.PersonId, placement.Id, template, stage, personName, culture, unitId, issuer, today, today, now);

    /// <summary>Whether renewal is open on the day: not revoked nor renewed yet, and from 90 days before expiry until 6 months after it.</summary>
    public bool RenewableOn(DateOnly today) =>
        RevokedAt is null && RenewedWithId is null && ValidUntil is { } until
        && today >= until.AddDays(-RenewalOpensDaysBefore) && today < until.AddMonths(RenewalClosesMonthsAfter);

    /// <summary>
    /// Renews the certificate when renewal is open and what it asks is met: a new certificate of the same stage, with a new
    /// number, in the person's language, valid for the stage's months from the day after this one expires (or from today
    /// once it has). This one keeps its own dates and is marked as renewed by the new one, so it is renewed once.
    /// <paramref name="renewal"/> is what renewal asks, judged, or null where it was not judged as renewal is not open.
    /// </summary>
    public Result<Certificate> Renew(
        RenewalState? renewal, PathwayTemplate template, PathwayStage stage, string personName, string culture, Guid? unitId, (string Uk, string En) issuer,
        Guid by, DateOnly today, DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            return Error.Rule("Certificates:Error:RenewRevoked");
        }
        if (RenewedWithId is not null)
        {
            return Error.Rule("Certificates:Error:AlreadyRenewed");
        }
        if (ValidUntil is not { } until)
        {
            return Error.Rule("Certificates:Error:NoExpiry");
        }
        if (today < until.AddDays(-RenewalOpensDaysBefore))
        {
            return Error.Rule("Certificates:Error:RenewTooEarly");
        }
        if (today >= until.AddMonths(RenewalClosesMonthsAfter))
        {
            return Error.Rule("Certificates:Error:RenewTooLate");
        }
        if (renewal is not { Met: true })
        {
            return Error.Rule("Certificates:Error:RenewalNotMet");
        }
        var renewed = Drawn(PersonId, PlacementId, template, stage, personName, culture, unitId, issuer, today, until >= today ? until.AddDays(1) : today, now);
        RenewedAt = now;
        RenewedById = by;
        RenewedWithId = renewed.Id;
        return renewed;
    }

    private static Certificate Drawn(
        Guid personId, Guid placementId, PathwayTemplate template, PathwayStage stage, string personName, string culture, Guid? unitId,
        (string Uk, string En) issuer, DateOnly today, DateOnly validFrom, DateTimeOffset now) => new()
    {
        Number = NewNumber(), PersonId = personId, PersonName = personName, PlacementId = placementId, TemplateCode = template.Code,
        PathwayNameUk = template.NameUk, PathwayNameEn = template.NameEn, Stage = stage.Position, StageNameUk = stage.NameUk, StageNameEn = stage.NameEn,
        UnitId = unitId, IssuerNameUk = issuer.Uk, IssuerNameEn = issuer.En, IssuedOn = today, IssuedAt = now,
        ValidUntil = stage.CertificateValidMonths is { } months ? validFrom.AddMonths(months) : null, Culture = culture,
    };

    /// <summary>A new number: <c>TH-</c> and four groups of four characters drawn at random.</summary>
    public static string NewNumber()
    {
        var characters = RandomNumberGenerator.GetString(Alphabet, 16);
        return $"TH-{characters[..4]}-{characters[4..8]}-{characters[8..12]}-{characters[12..]}";
    }

    /// <summary>Reads a number as people type it: any case, spaces or no dashes.</summary>
    public static string? Normalise(string? number)
    {
        var characters = new string((number ?? "").ToUpperInvariant().Where(char.IsLetterOrDigit).ToArray());
        // The prefix only when it is there besides the sixteen: a number may itself begin with T and H.
        if (characters.Length == 18 && characters.StartsWith("TH", StringComparison.Ordinal))
        {
            characters = characters[2..];
        }
        return characters.Length == 16 && characters.All(Alphabet.Contains)
            ? $"TH-{characters[..4]}-{characters[4..8]}-{characters[8..12]}-{characters[12..]}"
            : null;
    }

    /// <summary>Revokes a certificate that is not revoked yet, with the reason the verification page does not show.</summary>
    public Result Revoke(string? reason, Guid by, DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            return Error.Rule("Certificates:Error:AlreadyRevoked");
        }
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return Error.Validation(nameof(RevocationReason), "Certificates:Error:ReasonRequired");
        }
        if (reason.Length > MaxReasonLength)
        {
            return Error.Validation(nameof(RevocationReason), "Progression:Error:TooLong", MaxReasonLength);
        }
        RevokedAt = now;
        RevokedById = by;
        RevocationReason = reason;
        return Result.Success();
    }
}
