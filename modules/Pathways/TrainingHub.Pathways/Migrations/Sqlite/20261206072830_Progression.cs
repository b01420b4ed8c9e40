using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Pathways.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Progression : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProgressionRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlacementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToStage = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressionRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressionRequests_Placements_PlacementId",
                        column: x => x.PlacementId,
                        principalTable: "Placements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReachedStages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlacementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    ReachedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ApprovedById = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReachedStages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReachedStages_Placements_PlacementId",
                        column: x => x.PlacementId,
                        principalTable: "Placements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressionRequests_PlacementId_ToStage",
                table: "ProgressionRequests",
                columns: new[] { "PlacementId", "ToStage" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressionRequests_Status_UnitId",
                table: "ProgressionRequests",
                columns: new[] { "Status", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReachedStages_PlacementId_Stage",
                table: "ReachedStages",
                columns: new[] { "PlacementId", "Stage" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProgressionRequests");

            migrationBuilder.DropTable(
                name: "ReachedStages");
        }
    }
}
