using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Pathways.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Certificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Certificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PlacementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TemplateCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    PathwayNameUk = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PathwayNameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    StageNameUk = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StageNameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IssuerNameUk = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IssuerNameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    RevokedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RevocationReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certificates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Number",
                table: "Certificates",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_PersonId",
                table: "Certificates",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_UnitId_ValidUntil",
                table: "Certificates",
                columns: new[] { "UnitId", "ValidUntil" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Certificates");
        }
    }
}
