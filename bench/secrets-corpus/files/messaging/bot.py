import telebot

bot = telebot.TeleBot("188818306:AAqzFEyLstg-YMu7RdBFswptU1THFKLhQ9R")
