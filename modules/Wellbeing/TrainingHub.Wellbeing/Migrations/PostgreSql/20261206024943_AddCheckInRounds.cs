using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Wellbeing.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class AddCheckInRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Schedules",
                schema: "wellbeing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Cadence = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    InstrumentCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NextOpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Paused = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Schedules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Rounds",
                schema: "wellbeing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ScheduleId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstrumentCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OpensAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosesAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rounds_Schedules_ScheduleId",
                        column: x => x.ScheduleId,
                        principalSchema: "wellbeing",
                        principalTable: "Schedules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Invitations",
                schema: "wellbeing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    PositionTypeId = table.Column<Guid>(type: "uuid", nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ResponseId = table.Column<Guid>(type: "uuid", nullable: true),
                    RemindersPlannedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Invitations_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalSchema: "wellbeing",
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_PersonId_State",
                schema: "wellbeing",
                table: "Invitations",
                columns: new[] { "PersonId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_RoundId_PersonId",
                schema: "wellbeing",
                table: "Invitations",
                columns: new[] { "RoundId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_ScheduleId_OpensOn",
                schema: "wellbeing",
                table: "Rounds",
                columns: new[] { "ScheduleId", "OpensOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Schedules_UnitId",
                schema: "wellbeing",
                table: "Schedules",
                column: "UnitId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Invitations",
                schema: "wellbeing");

            migrationBuilder.DropTable(
                name: "Rounds",
                schema: "wellbeing");

            migrationBuilder.DropTable(
                name: "Schedules",
                schema: "wellbeing");
        }
    }
}
