using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.SharedKernel.Mail;

namespace TrainingHub.Pathways.Certificates;

/// <summary>
/// Certificates as Open Badges 2.0 hosted assertions, with the BadgeClass of each pathway stage and the Issuer profile
/// of each issuing unit served beside them, so that a holder can show a certificate elsewhere and a verifier can fetch
/// it back from here. The recipient is the holder's e-mail address, hashed with a salt; a revoked assertion answers 410.
/// </summary>
internal sealed class OpenBadges(
    IDbContextFactory<PathwaysDbContext> dbFactory, CertificateRegister register, IPeopleLookup people, IOrganisationDirectory units, PublicLinks links,
    IOptions<MailOptions> mail)
{
    public const string Context = "https://w3id.org/openbadges/v2";

    /// <summary>The assertion, or null for an unknown number; <c>Revoked</c> says to answer 410 Gone with it.</summary>
    public async Task<(JsonObject Document, bool Revoked)?> AssertionAsync(string number, CancellationToken cancellationToken = default)
    {
        var certificate = await register.FindAsync(number, cancellationToken);
        if (certificate is null)
        {
            return null;
        }
        var id = links.To($"badges/assertions/{certificate.Number}").ToString();
        if (certificate.RevokedAt is not null)
        {
            // The reason was written for the holder and the coordinators, not for anyone who fetches the badge.
            return (new JsonObject
            {
                ["@context"] = Context, ["type"] = "Assertion", ["id"] = id, ["revoked"] = true, ["revocationReason"] = "Revoked by the issuer",
            }, true);
        }
        var email = (await people.FindAsync(certificate.PersonId, cancellationToken))?.Email ?? "";
        var salt = certificate.Id.ToString("N");
        var document = new JsonObject
        {
            ["@context"] = Context,
            ["type"] = "Assertion",
            ["id"] = id,
            ["recipient"] = new JsonObject { ["type"] = "email", ["hashed"] = true, ["salt"] = salt, ["identity"] = Hashed(email, salt) },
            ["badge"] = BadgeClassId(certificate.TemplateCode, certificate.Stage),
            ["verification"] = new JsonObject { ["type"] = "hosted" },
            ["issuedOn"] = certificate.IssuedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["evidence"] = register.VerifyUrl(certificate.Number),
        };
        if (certificate.ValidUntil is { } until)
        {
            document["expires"] = until.ToDateTime(new TimeOnly(23, 59, 59), DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }
        return (document, false);
    }

    /// <summary>The badge of a pathway stage, or null when there is no such stage or nobody holds a certificate of it.</summary>
    public async Task<JsonObject?> BadgeClassAsync(string templateCode, int stage, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var issued = await db.Certificates.AsNoTracking().Where(c => c.TemplateCode == templateCode && c.Stage == stage)
            .OrderByDescending(c => c.IssuedOn).FirstOrDefaultAsync(cancellationToken);
        if (issued is null)
        {
            return null;
        }
        return new JsonObject
        {
            ["@context"] = Context,
            ["type"] = "BadgeClass",
            ["id"] = BadgeClassId(templateCode, stage),
            ["name"] = $"{issued.StageNameEn} ({issued.PathwayNameEn})",
            // A certificate of a stage since removed from the pathway is numbered below zero.
            ["description"] = stage > 0
                ? $"{issued.StageNameUk} — {issued.PathwayNameUk}. Stage {stage} of the pathway \"{issued.PathwayNameEn}\" of the social service workforce."
                : $"{issued.StageNameUk} — {issued.PathwayNameUk}. A former stage of the pathway \"{issued.PathwayNameEn}\" of the social service workforce.",
            ["image"] = links.To($"badges/classes/{templateCode}/{stage}/image.svg").ToString(),
            ["criteria"] = new JsonObject
            {
                ["narrative"] = "Everything the stage asks for (courses, competency levels, supervised practice hours, supervision, time and sign-offs) met, and progression approved by a coordinator.",
            },
            ["issuer"] = IssuerId(issued.UnitId),
        };
    }

    /// <summary>
    /// The Issuer profile of a unit that issued certificates (or, for the empty id, of the app for people who had no
    /// unit), or null for any other.
    /// </summary>
    public async Task<JsonObject?> IssuerAsync(Guid unitId, CancellationToken cancellationToken = default)
    {
        Guid? issuing = unitId == Guid.Empty ? null : unitId;
        await using var db = dbFactory.CreateDbContext();
        if (!await db.Certificates.AnyAsync(c => c.UnitId == issuing, cancellationToken))
        {
            return null;
        }
        var unit = issuing is { } id ? await units.FindAsync(id, cancellationToken) : null;
        return new JsonObject
        {
            ["@context"] = Context,
            ["type"] = "Issuer",
            ["id"] = IssuerId(issuing),
            ["name"] = unit?.Name ?? "TrainingHub",
            ["url"] = links.BaseUri.ToString(),
            ["email"] = mail.Value.FromAddress,
        };
    }

    /// <summary>A small round badge for a stage, as SVG.</summary>
    public static string Image(int stage) => $"""
        <svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" viewBox="0 0 240 240" role="img" aria-label="TrainingHub">
        <circle cx="120" cy="120" r="112" fill="#0B5394"/><circle cx="120" cy="120" r="96" fill="none" stroke="#FFD500" stroke-width="8"/>
        <text x="120" y="138" font-family="sans-serif" font-size="72" font-weight="bold" fill="#FFFFFF" text-anchor="middle">{(stage > 0 ? stage : "✓")}</text>
        <text x="120" y="186" font-family="sans-serif" font-size="20" fill="#FFFFFF" text-anchor="middle">TrainingHub</text>
        </svg>
        """;

    /// <summary>The recipient as Open Badges 2.0 hashes it: <c>sha256$</c> and the hex digest of the address and salt.</summary>
    public static string Hashed(string email, string salt) =>
        "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant() + salt)));

    private string BadgeClassId(string templateCode, int stage) => links.To($"badges/classes/{templateCode}/{stage}").ToString();

    private string IssuerId(Guid? unitId) => links.To($"badges/issuers/{unitId ?? Guid.Empty}").ToString();
}
