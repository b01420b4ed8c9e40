using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Supervision.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class AddHoursRequirements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HoursRequirements",
                schema: "supervision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PositionTypeId = table.Column<Guid>(type: "uuid", nullable: false),
                    TotalHours = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HoursRequirements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HoursRequirementParts",
                schema: "supervision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequirementId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityTypeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Hours = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HoursRequirementParts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HoursRequirementParts_ActivityTypes_ActivityTypeId",
                        column: x => x.ActivityTypeId,
                        principalSchema: "supervision",
                        principalTable: "ActivityTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HoursRequirementParts_HoursRequirements_RequirementId",
                        column: x => x.RequirementId,
                        principalSchema: "supervision",
                        principalTable: "HoursRequirements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HoursRequirementParts_ActivityTypeId",
                schema: "supervision",
                table: "HoursRequirementParts",
                column: "ActivityTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_HoursRequirementParts_RequirementId_ActivityTypeId",
                schema: "supervision",
                table: "HoursRequirementParts",
                columns: new[] { "RequirementId", "ActivityTypeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HoursRequirements_PositionTypeId",
                schema: "supervision",
                table: "HoursRequirements",
                column: "PositionTypeId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HoursRequirementParts",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "HoursRequirements",
                schema: "supervision");
        }
    }
}
