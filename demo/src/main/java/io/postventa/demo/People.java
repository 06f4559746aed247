package io.postventa.demo;

import java.util.List;

/** Names and places the simulated customers are made of: mostly Spanish speakers, some English speakers. */
final class People {

    static final List<String> SPANISH_FIRST_NAMES = List.of("Lucía", "Sofía", "Martina", "María", "Julia", "Paula",
            "Valeria", "Carmen", "Elena", "Nerea", "Alba", "Hugo", "Martín", "Lucas", "Mateo", "Leo", "Daniel",
            "Alejandro", "Pablo", "Manuel", "Javier", "Álvaro", "Jordi", "Iker", "Sergio", "Raquel", "Noelia", "Íñigo");

    static final List<String> SPANISH_LAST_NAMES = List.of("García", "Rodríguez", "González", "Fernández", "López",
            "Martínez", "Sánchez", "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno",
            "Muñoz", "Álvarez", "Romero", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Serrano",
            "Castillo", "Ortega", "Rubio", "Sanz", "Iglesias", "Núñez", "Peña");

    static final List<String> ENGLISH_FIRST_NAMES = List.of("Emma", "Olivia", "Amelia", "Isla", "Grace", "Sophie",
            "Charlotte", "Jack", "Oliver", "Harry", "George", "Thomas", "James", "William", "Noah", "Daniel", "Ruth",
            "Megan");

    static final List<String> ENGLISH_LAST_NAMES = List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson",
            "Johnson", "Davies", "Evans", "Thomas", "Roberts", "Walker", "Wright", "Thompson", "White", "Hughes",
            "Edwards", "Green", "Hall", "Clarke");

    static final List<String> MAIL_DOMAINS = List.of("example.com", "example.es", "example.org", "example.net");

    /** A delivery city with a postcode prefix and how many of the store's customers live there. */
    record City(String name, String postcodePrefix, int weight) {
    }

    static final List<City> CITIES = List.of(
            new City("Madrid", "280", 16),
            new City("Barcelona", "080", 12),
            new City("Valencia", "460", 7),
            new City("Sevilla", "410", 5),
            new City("Zaragoza", "500", 4),
            new City("Málaga", "290", 4),
            new City("Murcia", "300", 3),
            new City("Palma", "070", 3),
            new City("Las Palmas de Gran Canaria", "350", 2),
            new City("Bilbao", "480", 3),
            new City("Alicante", "030", 3),
            new City("Córdoba", "140", 2),
            new City("Valladolid", "470", 2),
            new City("Vigo", "362", 2),
            new City("Gijón", "332", 1),
            new City("A Coruña", "150", 2),
            new City("Granada", "180", 2),
            new City("Pamplona", "310", 1),
            new City("San Sebastián", "200", 1),
            new City("Santander", "390", 1));

    static final int CITY_WEIGHT = CITIES.stream().mapToInt(City::weight).sum();

    private People() {
    }
}
