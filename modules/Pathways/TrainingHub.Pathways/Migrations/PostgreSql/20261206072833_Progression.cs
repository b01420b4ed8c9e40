using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Pathways.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class Progression : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProgressionRequests",
                schema: "pathways",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlacementId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    ToStage = table.Column<int>(type: "integer", nullable: false),
                    RequestedById = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DecidedById = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressionRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressionRequests_Placements_PlacementId",
                        column: x => x.PlacementId,
                        principalSchema: "pathways",
                        principalTable: "Placements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReachedStages",
                schema: "pathways",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlacementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    ReachedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ApprovedById = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReachedStages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReachedStages_Placements_PlacementId",
                        column: x => x.PlacementId,
                        principalSchema: "pathways",
                        principalTable: "Placements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressionRequests_PlacementId_ToStage",
                schema: "pathways",
                table: "ProgressionRequests",
                columns: new[] { "PlacementId", "ToStage" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressionRequests_Status_UnitId",
                schema: "pathways",
                table: "ProgressionRequests",
                columns: new[] { "Status", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReachedStages_PlacementId_Stage",
                schema: "pathways",
                table: "ReachedStages",
                columns: new[] { "PlacementId", "Stage" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProgressionRequests",
                schema: "pathways");

            migrationBuilder.DropTable(
                name: "ReachedStages",
                schema: "pathways");
        }
    }
}
